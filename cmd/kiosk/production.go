package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/disdikbud/kiosk/app"
	"github.com/disdikbud/kiosk/client"
	"github.com/disdikbud/kiosk/config"
	"github.com/disdikbud/kiosk/device"
	"github.com/disdikbud/kiosk/outbox"
	"github.com/disdikbud/kiosk/ppdb"
	"github.com/disdikbud/kiosk/store"
	"github.com/disdikbud/kiosk/tui"
	"github.com/disdikbud/kiosk/tui/i18n"
)

// runConfigured runs the kiosk against the configured gateway and reader.
func runConfigured(cfg config.Config) error {
	lang, err := i18n.ParseLang(cfg.Lang)
	if err != nil {
		return err
	}
	gwConfig := app.GatewayClientConfig(cfg.Gateway)
	if err := gwConfig.Validate(); err != nil {
		return fmt.Errorf("[gateway]: %w", err)
	}
	if err := requireSupervisor(cfg.DataDir); err != nil {
		return err
	}
	events, closeLog, err := setupLoggingWithEvents(cfg.DataDir)
	if err != nil {
		return err
	}
	defer closeLog()

	parts := app.Parts{
		OpenStore: func(ctx context.Context) (*store.Store, error) {
			return store.Open(ctx, filepath.Join(cfg.DataDir, "kiosk.db"))
		},
		OpenGateway: func(ctx context.Context) (client.Gateway, func() error, error) {
			gw, err := client.New(gwConfig)
			return gw, nil, err
		},
		OpenReader: func(ctx context.Context) (device.Reader, device.Matcher, error) {
			return openReader(cfg.Reader)
		},
		Outbox:     outboxConfig(cfg.Balikan),
		DailyLimit: cfg.Quota.DailyLimit,
		ExportDir:  cfg.DataDir,
	}
	opts := tui.Options{
		IdleTimeout:    cfg.Session.IdleTimeout,
		IdleWarning:    cfg.Session.IdleWarning,
		FingerAttempts: cfg.Session.FingerAttempts,
		AgreementFrom:  cfg.Agreement.ValidFrom,
		AgreementUntil: cfg.AgreementEnd(),
		AdmissionYear:  cfg.Verify.AdmissionYear,
	}
	backend := app.NewBackend(parts)
	return runProgram(backend, lang, opts, func(model *tui.Model) func() {
		return startSupport(cfg.SSH, cfg.DataDir, cfg.Lang, model, backend, events)
	})
}

// outboxConfig maps [balikan] param_keys, given by default key, onto the
// eight fields.
func outboxConfig(b config.Balikan) outbox.Config {
	keys := outbox.DefaultParamKeys()
	for i, f := range ppdb.BalikanFields {
		if k, ok := b.ParamKeys[f.DefaultParamKey()]; ok && strings.TrimSpace(k) != "" {
			keys[i] = strings.TrimSpace(k)
		}
	}
	return outbox.Config{ParamKeys: keys, BatchSize: b.BatchSize}
}

func openReader(r config.Reader) (device.Reader, device.Matcher, error) {
	if r.Kind == "sim" {
		return device.NewSimulator(), &device.SimMatcher{}, nil
	}
	secret, err := app.ReadSAMSecret(r.SAMSecretFile)
	if err != nil {
		return nil, nil, err
	}
	if r.FingerprintHelper == "" {
		return nil, nil, fmt.Errorf("reader.fingerprint_helper is empty: set the path of the reader vendor's fingerprint helper program")
	}
	reader, err := device.NewPCSC(device.PCSCConfig{CardReader: r.CardReader, SAMReader: r.SAMReader, SAMSecret: secret})
	if err != nil {
		return nil, nil, err
	}
	return reader, device.NewHelperMatcher(r.FingerprintHelper, nil, r.FingerprintTimeout), nil
}

// requireSupervisor refuses to start a site's kiosk without a supervisor
// who may sign in, because only a supervisor can leave it.
func requireSupervisor(dataDir string) error {
	st, err := openStoreIn(dataDir)
	if err != nil {
		return err
	}
	defer st.Close()
	ops, err := st.Operators(context.Background())
	if err != nil {
		return err
	}
	for _, op := range ops {
		if op.Supervisor && !op.NDADate.IsZero() {
			return nil
		}
	}
	return fmt.Errorf("no supervisor account with an NDA date in %s: nobody could leave the kiosk; create one with \"kiosk operator add -data %s -id SPV01 -name NAME -nda YYYY-MM-DD -supervisor\"", dataDir, dataDir)
}
