package main

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"time"

	"github.com/disdikbud/kiosk/app"
	"github.com/disdikbud/kiosk/config"
	"github.com/disdikbud/kiosk/device"
	"github.com/disdikbud/kiosk/device/vcard"
	"github.com/disdikbud/kiosk/tui"
	"github.com/disdikbud/kiosk/tui/i18n"
)

func runDemo(args []string) error {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	lang := fs.String("lang", "id", "screen language: id or en")
	dataDir := fs.String("data", config.DefaultDataDir()+"-demo", "directory of the demo's database and log")
	idle := fs.Duration("idle", 3*time.Minute, "inactivity before the kiosk wipes the registration and locks")
	readerKind := fs.String("reader", "sim", "card reader: sim (simulated, keys 1-9 present cards) or pcsc (pcscd with the virtual e-KTP of cmd/vcard; see scripts/demo-pcsc.sh)")
	helper := fs.String("fingerprint-helper", "", "fingerprint helper program for -reader pcsc (cmd/fingersim in the demo)")
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
	parts := app.DemoParts(filepath.Join(*dataDir, "kiosk.db"), sim)
	switch *readerKind {
	case "sim":
	case "pcsc":
		if *helper == "" {
			return fmt.Errorf("-reader pcsc needs -fingerprint-helper: build cmd/fingersim, or run scripts/demo-pcsc.sh")
		}
		sim = nil
		parts.OpenReader = func(ctx context.Context) (device.Reader, device.Matcher, error) {
			r, err := device.NewPCSC(device.PCSCConfig{SAMSecret: vcard.DemoSAMSecret})
			return r, device.NewHelperMatcher(*helper, nil, 20*time.Second), err
		}
	default:
		return fmt.Errorf("-reader %q: use sim or pcsc", *readerKind)
	}
	backend := app.NewBackend(parts)
	now := time.Now()
	opts := tui.Options{
		Demo:           true,
		IdleTimeout:    *idle,
		FingerAttempts: 4,
		AgreementFrom:  now.AddDate(-1, 0, 0),
		AgreementUntil: now.AddDate(1, 0, 0),
		DemoAccounts: [3][2]string{
			{app.DemoOperatorID, app.DemoOperatorPIN},
			{app.DemoSupervisorID, app.DemoSupervisorPIN},
			{app.DemoNoNDAID, app.DemoNoNDAPIN},
		},
		DemoStudentNIK: app.DemoStudentNIK(),
	}
	if sim != nil {
		opts.DemoCards = app.DemoCards()
		opts.Simulator = sim
	}
	return runProgram(backend, l, opts, nil)
}
