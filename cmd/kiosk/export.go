package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/disdikbud/kiosk/config"
	"github.com/disdikbud/kiosk/outbox"
	"github.com/disdikbud/kiosk/store"
)

// runExport writes every pending balikan record to an XLSX or CSV file for
// the upload method or removable media, and marks the records exported so
// the delivery worker never sends them too.
func runExport(args []string) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	path := fs.String("config", config.DefaultPath(), "configuration file, for data_dir and [balikan] param_keys; without one, the default data directory and keys")
	dataDir := fs.String("data", "", "directory of the kiosk's database; overrides the config file")
	out := fs.String("out", "", "file to write: .xlsx or .csv (required)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return fmt.Errorf("-out is required: a new .xlsx or .csv file, e.g. -out /media/usb/balikan.xlsx")
	}

	cfg, err := config.Load(*path)
	switch {
	case errors.Is(err, config.ErrNotFound):
		cfg = config.Default()
	case err != nil:
		return err
	}
	if *dataDir != "" {
		cfg.DataDir = *dataDir
	}
	keys := outboxConfig(cfg.Balikan).ParamKeys

	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(cfg.DataDir, "kiosk.db"))
	if err != nil {
		return err
	}
	defer st.Close()

	var n int
	switch strings.ToLower(filepath.Ext(*out)) {
	case ".xlsx":
		n, err = outbox.ExportXLSX(ctx, st, *out, keys)
	case ".csv":
		n, err = outbox.ExportCSV(ctx, st, *out, keys)
	default:
		return fmt.Errorf("-out %s: the file name must end in .xlsx or .csv", *out)
	}
	if err != nil {
		return err
	}
	if n == 0 {
		fmt.Fprintln(os.Stderr, "no balikan record is waiting: no file was written")
		return nil
	}
	fmt.Fprintf(os.Stderr, "%d balikan records exported to %s and marked as exported\n", n, *out)
	return nil
}
