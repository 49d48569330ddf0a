package outbox

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/disdikbud/kiosk/store"
)

var wantHeader = []string{"NIK", "NO_IJAZAH", "NO_SKPI", "NO_ID_PENDIDIK", "NO_ID_KEPENDIDIKAN",
	"KET_BEASISWA", "NAMA_SEKOLAH", "AKREDITASI", "ALAMAT_SEKOLAH"}

// wantRow is the exported row of testBalikan(i) after normalisation.
func wantRow(i int) []string {
	b := testBalikan(i).Normalize()
	return append([]string{b.NIK}, b.Values[:]...)
}

func readXLSX(t *testing.T, path string) [][]string {
	t.Helper()
	book, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("open exported XLSX: %v", err)
	}
	defer book.Close()
	rows, err := book.GetRows(exportSheet)
	if err != nil {
		t.Fatalf("read sheet %s: %v", exportSheet, err)
	}

	// The NIK must be text, or Excel rounds it to 15 significant digits.
	cellType, err := book.GetCellType(exportSheet, "A2")
	if err != nil {
		t.Fatal(err)
	}
	if cellType != excelize.CellTypeInlineString && cellType != excelize.CellTypeSharedString {
		t.Errorf("NIK cell type = %v, want a string type", cellType)
	}
	return rows
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("read exported CSV: %v", err)
	}
	return rows
}

// checkRows compares the rows read back from a file with what was queued.
// Trailing empty cells may be missing, as spreadsheet readers drop them.
func checkRows(t *testing.T, rows [][]string, n int) {
	t.Helper()
	if len(rows) != n+1 {
		t.Fatalf("file has %d rows, want a header and %d records", len(rows), n)
	}
	if !slices.Equal(rows[0], wantHeader) {
		t.Errorf("header = %v, want %v", rows[0], wantHeader)
	}
	for i := 0; i < n; i++ {
		want := wantRow(i)
		got := rows[i+1]
		for len(got) < len(want) {
			got = append(got, "")
		}
		if !slices.Equal(got, want) {
			t.Errorf("row %d = %q, want %q", i+1, got, want)
		}
	}
}

func checkAllExported(t *testing.T, st *store.Store, n int, file string) {
	t.Helper()
	records, err := st.Records(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(records) != n {
		t.Fatalf("%d records in the store, want %d", len(records), n)
	}
	for _, r := range records {
		if r.State != store.Exported || r.ExportFile != file {
			t.Errorf("record %d: state %s, file %q; want exported to %s", r.ID, r.State, r.ExportFile, file)
		}
		if r.NIK != "" || r.Values != [8]string{} {
			t.Errorf("record %d still holds its NIK or values after export", r.ID)
		}
	}
}

func TestExportXLSXReadsBack(t *testing.T) {
	st := openStore(t)
	enqueueN(t, st, 3)
	path := filepath.Join(t.TempDir(), "balikan.xlsx")
	if !databaseContains(t, st, testNIK(0)) {
		t.Fatal("the queued NIK is not in the database files; the scan below could not fail")
	}

	n, err := ExportXLSX(context.Background(), st, path, ParamKeys{})
	if err != nil {
		t.Fatal(err)
	}
	if n != 3 {
		t.Errorf("ExportXLSX returned %d, want 3", n)
	}
	checkRows(t, readXLSX(t, path), 3)
	checkAllExported(t, st, 3, "balikan.xlsx")
	if databaseContains(t, st, testNIK(0)) {
		t.Error("the database files still contain an exported NIK")
	}
}

func TestExportCSVReadsBack(t *testing.T) {
	st := openStore(t)
	enqueueN(t, st, 3)
	path := filepath.Join(t.TempDir(), "balikan.csv")

	n, err := ExportCSV(context.Background(), st, path, ParamKeys{})
	if err != nil {
		t.Fatal(err)
	}
	if n != 3 {
		t.Errorf("ExportCSV returned %d, want 3", n)
	}
	checkRows(t, readCSV(t, path), 3)
	checkAllExported(t, st, 3, "balikan.csv")
}

func TestExportUsesConfiguredKeys(t *testing.T) {
	st := openStore(t)
	enqueueN(t, st, 1)
	path := filepath.Join(t.TempDir(), "balikan.csv")

	if _, err := ExportCSV(context.Background(), st, path, ParamKeys{7: "ALAMAT"}); err != nil {
		t.Fatal(err)
	}
	header := readCSV(t, path)[0]
	if header[8] != "ALAMAT" || header[1] != "NO_IJAZAH" {
		t.Errorf("header = %v, want ALAMAT last and the defaults elsewhere", header)
	}
}

func TestExportNeverReplacesFile(t *testing.T) {
	st := openStore(t)
	enqueueN(t, st, 2)
	path := filepath.Join(t.TempDir(), "balikan.csv")
	if err := os.WriteFile(path, []byte("earlier export\n"), 0o600); err != nil {
		t.Fatal(err)
	}

	if _, err := ExportCSV(context.Background(), st, path, ParamKeys{}); err == nil {
		t.Fatal("export over an existing file succeeded, want an error")
	}
	data, _ := os.ReadFile(path)
	if string(data) != "earlier export\n" {
		t.Error("the existing file was changed")
	}
	if stats := queueStats(t, st); stats.Pending != 2 {
		t.Errorf("stats = %+v, want both records still pending", stats)
	}
}

func TestExportFailureKeepsRecordsQueued(t *testing.T) {
	st := openStore(t)
	enqueueN(t, st, 2)
	path := filepath.Join(t.TempDir(), "missing-dir", "balikan.xlsx")

	if _, err := ExportXLSX(context.Background(), st, path, ParamKeys{}); err == nil {
		t.Fatal("export into a missing directory succeeded, want an error")
	}
	stats := queueStats(t, st)
	if stats.Pending != 2 || stats.Exporting != 0 || stats.Exported != 0 {
		t.Errorf("stats = %+v, want both records pending again", stats)
	}
}

func TestExportEmptyQueueWritesNothing(t *testing.T) {
	st := openStore(t)
	path := filepath.Join(t.TempDir(), "balikan.csv")

	n, err := ExportCSV(context.Background(), st, path, ParamKeys{})
	if err != nil || n != 0 {
		t.Errorf("ExportCSV of an empty queue = %d, %v; want 0 and no error", n, err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Error("ExportCSV of an empty queue created a file")
	}
}

func TestExportLeavesNoTemporaryFile(t *testing.T) {
	st := openStore(t)
	enqueueN(t, st, 1)
	dir := t.TempDir()

	if _, err := ExportXLSX(context.Background(), st, filepath.Join(dir, "balikan.xlsx"), ParamKeys{}); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != "balikan.xlsx" {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("directory holds %v, want only balikan.xlsx", names)
	}
}

// Exported records must never reach the worker afterwards.
func TestExportedRecordsAreNotDelivered(t *testing.T) {
	st := openStore(t)
	enqueueN(t, st, 2)
	if _, err := ExportCSV(context.Background(), st, filepath.Join(t.TempDir(), "b.csv"), ParamKeys{}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.RecoverSending(context.Background()); err != nil {
		t.Fatal(err)
	}

	batch, err := st.ClaimBatch(context.Background(), 10, time.Now().AddDate(1, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	if len(batch) != 0 {
		t.Errorf("ClaimBatch after export returned %d records, want 0", len(batch))
	}
}
