package app

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"github.com/disdikbud/kiosk/client"
	"github.com/disdikbud/kiosk/client/dukcapiltest"
	"github.com/disdikbud/kiosk/device"
	"github.com/disdikbud/kiosk/store"
)

// Demo operator accounts, made up and shown on the demo's sign-in screen.
const (
	DemoOperatorID    = "OP01"
	DemoOperatorPIN   = "1234"
	DemoSupervisorID  = "SPV01"
	DemoSupervisorPIN = "9999"
	DemoNoNDAID       = "OP02"
	DemoNoNDAPIN      = "5678"
)

// SeedDemoOperators creates the demo's accounts when the store has none.
func SeedDemoOperators(ctx context.Context, st *store.Store) error {
	n, err := st.CountOperators(ctx)
	if err != nil || n > 0 {
		return err
	}
	nda := time.Date(2024, 7, 1, 0, 0, 0, 0, time.Local)
	accounts := []struct {
		op  store.Operator
		pin string
	}{
		{store.Operator{ID: DemoOperatorID, Name: "Operator Demo", NDADate: nda}, DemoOperatorPIN},
		{store.Operator{ID: DemoSupervisorID, Name: "Supervisor Demo", Supervisor: true, NDADate: nda}, DemoSupervisorPIN},
		{store.Operator{ID: DemoNoNDAID, Name: "Operator Tanpa NDA"}, DemoNoNDAPIN},
	}
	for _, a := range accounts {
		if err := st.PutOperator(ctx, a.op, a.pin); err != nil {
			return fmt.Errorf("seed demo operator %s: %w", a.op.ID, err)
		}
	}
	return nil
}

// DemoCards returns the simulated cards of the demo: the fake gateway's
// made-up residents, so a card's NIK is found when looked up. The second
// card fails its first fingerprint attempt, to show the retry.
func DemoCards() []device.SimCard {
	var cards []device.SimCard
	for _, r := range dukcapiltest.Residents() {
		if r.Label == "" {
			continue
		}
		card := device.SimCard{
			Label: r.Label,
			Biodata: device.Biodata{
				NIK:           r.NIK,
				Name:          r.Name,
				Sex:           r.Sex,
				BirthPlace:    r.BirthPlace,
				BirthDate:     r.BirthDate.Format("02-01-2006"),
				MaritalStatus: r.MaritalStatus,
				Occupation:    r.Occupation,
				Street:        r.Street,
				RT:            r.RT,
				RW:            r.RW,
				Kelurahan:     r.Kelurahan,
				Kecamatan:     r.Kecamatan,
				Kabupaten:     r.Kabupaten,
			},
		}
		if len(cards) == 1 {
			card.NoMatchAttempts = 1
			card.Label += " · sidik jari gagal 1×"
		}
		cards = append(cards, card)
	}
	return cards
}

// DemoStudentNIK returns the NIK of the made-up child of the first demo
// card, which a demo operator types from the Kartu Keluarga.
func DemoStudentNIK() string {
	residents := dukcapiltest.Residents()
	if len(residents) < 2 {
		return ""
	}
	return residents[1].NIK
}

// DemoGateway starts the fake gateway on a loopback port and returns a
// client for it. stop closes the server.
func DemoGateway(ctx context.Context) (gw client.Gateway, stop func() error, err error) {
	srv, err := dukcapiltest.Start("127.0.0.1:0")
	if err != nil {
		return nil, nil, fmt.Errorf("start the demo gateway on loopback: %w", err)
	}
	c, err := client.New(srv.ClientConfig())
	if err != nil {
		srv.Close()
		return nil, nil, err
	}
	return c, func() error { srv.Close(); return nil }, nil
}

// DemoParts returns the parts of the demo: a store at dbPath, the fake
// gateway on a loopback port, and the simulator with the simulated matcher.
func DemoParts(dbPath string, sim *device.Simulator) Parts {
	return Parts{
		OpenStore:   func(ctx context.Context) (*store.Store, error) { return store.Open(ctx, dbPath) },
		AfterStore:  SeedDemoOperators,
		OpenGateway: DemoGateway,
		OpenReader: func(ctx context.Context) (device.Reader, device.Matcher, error) {
			return sim, &device.SimMatcher{Delay: 700 * time.Millisecond}, nil
		},
		DailyLimit: dukcapiltest.DefaultQuota,
		ExportDir:  filepath.Dir(dbPath),
	}
}
