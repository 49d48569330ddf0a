package outbox

import (
	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/disdikbud/kiosk/store"
)

// exportSheet is the worksheet name of an XLSX export.
const exportSheet = "Balikan"

// rowWriter writes the header and the rows of an export to w.
type rowWriter func(w io.Writer, header []string, rows func(yield func([]string) bool)) error

// ExportXLSX writes every pending balikan record to a new XLSX file at path
// and returns how many it wrote. See exportFile for the rules both formats
// share.
func ExportXLSX(ctx context.Context, st *store.Store, path string, keys ParamKeys) (int, error) {
	return exportFile(ctx, st, path, keys, writeXLSX)
}

// ExportCSV is ExportXLSX for a CSV file (comma-separated, CRLF line ends,
// UTF-8).
//
// NOTE: Excel opens the NIK column of a CSV as a number and rounds it to 15
// digits. Whoever edits the file in Excel should take the XLSX instead.
func ExportCSV(ctx context.Context, st *store.Store, path string, keys ParamKeys) (int, error) {
	return exportFile(ctx, st, path, keys, writeCSV)
}

// exportFile claims the pending records, writes them with write (a header
// row of NIK and the param keys, then one row per record in ID order), and
// marks them Exported only after the file is complete and synced to disk.
// An existing file at path is never replaced, because an earlier export may
// be the only copy of its records. With nothing pending it writes no file
// and returns 0.
func exportFile(ctx context.Context, st *store.Store, path string, keys ParamKeys, write rowWriter) (int, error) {
	if _, err := os.Lstat(path); err == nil {
		return 0, fmt.Errorf("export balikan: %s already exists; choose another file name", path)
	}
	keys = keys.withDefaults()

	records, err := st.ClaimExport(ctx)
	if err != nil {
		return 0, fmt.Errorf("export balikan to %s: %w", path, err)
	}
	if len(records) == 0 {
		return 0, nil
	}
	ids := make([]int64, len(records))
	for i, b := range records {
		ids[i] = b.ID
	}

	header := append([]string{"NIK"}, keys[:]...)
	rows := func(yield func([]string) bool) {
		for _, b := range records {
			if !yield(append([]string{b.NIK}, b.Values[:]...)) {
				return
			}
		}
	}
	err = writeFileSynced(path, func(w io.Writer) error { return write(w, header, rows) })
	clear(records)
	if err != nil {
		releaseExport(ctx, st, ids)
		return 0, fmt.Errorf("export balikan to %s: %w; the records stay queued", path, err)
	}

	if err := st.MarkExported(ctx, ids, time.Now(), filepath.Base(path)); err != nil {
		// The records stay queued and may still be delivered, so the file
		// must not go out as well.
		removeErr := os.Remove(path)
		releaseExport(ctx, st, ids)
		return 0, fmt.Errorf("export balikan to %s: %w; the file was removed (%v) and the records stay queued", path, err, removeErr)
	}
	return len(ids), nil
}

// releaseExport puts claimed records back to pending after a failed export.
func releaseExport(ctx context.Context, st *store.Store, ids []int64) {
	if err := st.ReleaseExport(context.WithoutCancel(ctx), ids); err != nil {
		slog.Error("releasing balikan records after a failed export failed; they are pending again after a restart",
			"component", "outbox", "records", len(ids), "error", err)
	}
}

// writeFileSynced writes a temporary file beside path, syncs it to disk and
// renames it to path, so path never holds a partial export.
func writeFileSynced(path string, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.part")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly after the rename

	buffered := bufio.NewWriter(tmp)
	if err := write(buffered); err != nil {
		tmp.Close()
		return err
	}
	if err := buffered.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}

	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("%s appeared while writing the export", path)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	return syncDir(dir)
}

// syncDir makes a rename in dir durable. File systems that cannot sync a
// directory (FAT on removable media) return EINVAL, which is ignored: the
// file's own data is already synced.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) {
		return err
	}
	return nil
}

func writeCSV(w io.Writer, header []string, rows func(yield func([]string) bool)) error {
	out := csv.NewWriter(w)
	out.UseCRLF = true
	if err := out.Write(header); err != nil {
		return err
	}
	for row := range rows {
		if err := out.Write(row); err != nil {
			return err
		}
	}
	out.Flush()
	return out.Error()
}

// writeXLSX writes every cell as text, so Excel keeps all 16 digits of a
// NIK instead of turning it into a rounded number.
func writeXLSX(w io.Writer, header []string, rows func(yield func([]string) bool)) error {
	book := excelize.NewFile()
	defer book.Close()
	if err := book.SetSheetName("Sheet1", exportSheet); err != nil {
		return err
	}
	sheet, err := book.NewStreamWriter(exportSheet)
	if err != nil {
		return err
	}

	line := 1
	writeRow := func(values []string) error {
		cells := make([]any, len(values))
		for i, v := range values {
			cells[i] = excelize.Cell{Value: v}
		}
		cell, _ := excelize.CoordinatesToCellName(1, line)
		line++
		return sheet.SetRow(cell, cells)
	}
	if err := writeRow(header); err != nil {
		return err
	}
	for row := range rows {
		if err := writeRow(row); err != nil {
			return err
		}
	}
	if err := sheet.Flush(); err != nil {
		return err
	}
	_, err = book.WriteTo(w)
	return err
}
