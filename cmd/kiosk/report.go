package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/disdikbud/kiosk/app"
	"github.com/disdikbud/kiosk/config"
)

// runReport prints the semester usage report (hits and outcomes per month
// and operator) as CSV, to standard output or a file.
func runReport(args []string) error {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	dataDir := fs.String("data", config.DefaultDataDir(), "directory of the kiosk's database")
	semester := fs.String("semester", app.SemesterOf(time.Now()).String(), "semester as YEAR-1 (January-June) or YEAR-2 (July-December)")
	out := fs.String("out", "", "CSV file to write; standard output when empty")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	sem, err := app.ParseSemester(*semester)
	if err != nil {
		return err
	}

	st, err := openExistingStore(*dataDir)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "report %s from %s\n", sem, st.Path())
	ctx := context.Background()
	if err != nil {
		return err
	}
	defer st.Close()
	report, err := app.BuildUsageReport(ctx, st, sem)
	if err != nil {
		return err
	}

	if *out == "" {
		return report.WriteCSV(os.Stdout)
	}
	f, err := os.OpenFile(*out, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("create report %s: %w (choose a new file name)", *out, err)
	}
	if err := report.WriteCSV(f); err != nil {
		f.Close()
		return fmt.Errorf("write report %s: %w", *out, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write report %s: %w", *out, err)
	}
	fmt.Fprintf(os.Stderr, "report %s written to %s: %d hits\n", sem, *out, report.Hits)
	return nil
}
