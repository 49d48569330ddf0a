package main

import (
	"flag"
	"fmt"
	"path/filepath"
	"time"

	"github.com/disdikbud/kiosk/app"
	"github.com/disdikbud/kiosk/config"
	"github.com/disdikbud/kiosk/device"
	"github.com/disdikbud/kiosk/tui"
	"github.com/disdikbud/kiosk/tui/i18n"
)

func runDemo(args []string) error {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	lang := fs.String("lang", "id", "screen language: id or en")
	dataDir := fs.String("data", config.DefaultDataDir()+"-demo", "directory of the demo's database and log")
	idle := fs.Duration("idle", 3*time.Minute, "inactivity before the kiosk wipes the registration and locks")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	l, err := i18n.ParseLang(*lang)
	if err != nil {
		return err
	}

	closeLog, err := setupLogging(*dataDir)
	if err != nil {
		return err
	}
	defer closeLog()

	sim := device.NewSimulator()
	sim.ReadDelay = 400 * time.Millisecond
	backend := app.NewBackend(app.DemoParts(filepath.Join(*dataDir, "kiosk.db"), sim))
	now := time.Now()
	opts := tui.Options{
		Demo:           true,
		IdleTimeout:    *idle,
		FingerAttempts: 4,
		AgreementFrom:  now.AddDate(-1, 0, 0),
		AgreementUntil: now.AddDate(1, 0, 0),
		DemoCards:      app.DemoCards(),
		Simulator:      sim,
		DemoHint: fmt.Sprintf("Demo: operator %s / PIN %s · supervisor %s / PIN %s · %s / PIN %s (tanpa NDA)",
			app.DemoOperatorID, app.DemoOperatorPIN, app.DemoSupervisorID, app.DemoSupervisorPIN,
			app.DemoNoNDAID, app.DemoNoNDAPIN),
		DemoLookupHint: "Demo: NIK anak pada KK bapak nomor 1: 3313042307120002",
	}
	return runProgram(backend, l, opts)
}
