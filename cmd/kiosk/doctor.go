package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/disdikbud/kiosk/app"
	"github.com/disdikbud/kiosk/config"
)

// runDoctor checks the kiosk's set-up and prints one line per check. It
// returns an error, and so exits with status 1, when any check failed.
func runDoctor(args []string) error {
	fs := flag.NewFlagSet("doctor", flag.ContinueOnError)
	path := fs.String("config", config.DefaultPath(), "configuration file (TOML, mode 0600)")
	lang := fs.String("lang", "id", "output language, id or en")
	login := fs.Bool("login", false, "make one CALL_NIK lookup to check the credentials; it uses 1 hit of the daily quota")
	nik := fs.String("nik", "", "NIK (16 digits) to look up with -login; it is never printed")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if l := strings.ToLower(*lang); l != "id" && l != "en" {
		return fmt.Errorf("-lang %q is not a language: use id or en", *lang)
	}

	// The gateway client logs each call; the report already states what the
	// -login lookup returned, so its log line would only clutter the output.
	slog.SetDefault(slog.New(slog.NewTextHandler(io.Discard, nil)))
	report := app.Doctor(context.Background(), app.DoctorOptions{ConfigPath: *path, Login: *login, NIK: *nik})
	if err := report.Write(os.Stdout, *lang); err != nil {
		return err
	}
	if report.Failed() {
		return fmt.Errorf("doctor: at least one check failed")
	}
	return nil
}
