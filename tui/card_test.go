package tui_test

import (
	"context"
	"errors"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/disdikbud/kiosk/app"
	"github.com/disdikbud/kiosk/client"
	"github.com/disdikbud/kiosk/client/dukcapiltest"
	"github.com/disdikbud/kiosk/device"
	"github.com/disdikbud/kiosk/store"
	"github.com/disdikbud/kiosk/tui/i18n"
)

func TestCardReadFailuresHaveTheirOwnMessage(t *testing.T) {
	cases := []struct {
		fault error
		want  string
	}{
		{device.ErrNoSAM, "SAM tidak terpasang pada pembaca."},
		{&device.WrongSecretError{TriesLeft: 2}, "sisa 2 percobaan sebelum SAM terkunci"},
		{device.ErrSAMLocked, "SAM terkunci."},
		{device.ErrNotEKTP, "Kartu ini bukan e-KTP."},
		{device.ErrCardRemoved, "Kartu terangkat sebelum selesai dibaca."},
		{device.ErrAuthFailed, "Autentikasi kartu gagal."},
		{device.ErrBadSignature, "Tanda tangan data pada kartu tidak sah."},
		{device.ErrTampered, "tidak lolos pemeriksaan keamanan"},
		{device.ErrMalformed, "Data pada kartu tidak dapat dibaca."},
		{device.ErrServiceDown, "Layanan pembaca kartu (PC/SC) tidak berjalan."},
	}
	k := startKiosk(t, i18n.Indonesian, 120, 30, nil)
	k.signIn(app.DemoOperatorID, app.DemoOperatorPIN)
	k.waitFor("Tempelkan e-KTP pada pembaca kartu")
	for _, c := range cases {
		k.sim.Insert(device.SimCard{Label: "test", Fault: c.fault})
		k.waitFor(c.want)
		k.sim.Remove()
	}
}

func TestCardLeftAfterLockNotReadAgain(t *testing.T) {
	k := startKiosk(t, i18n.Indonesian, 100, 30, nil)
	k.verifyCard("1")
	k.key(tea.KeyCtrlL)
	k.waitFor("Kiosk dikunci")

	k.signIn(app.DemoOperatorID, app.DemoOperatorPIN)
	k.waitFor("Kartu pemohon sebelumnya masih di pembaca")
	k.runes("r")
	k.waitFor("Tempelkan e-KTP pada pembaca kartu")
	k.runes("2")
	k.waitFor("Sidik jari tidak cocok")
}

func TestFifthWrongPINLocksAccount(t *testing.T) {
	k := startKiosk(t, i18n.Indonesian, 100, 30, nil)
	k.signIn(app.DemoOperatorID, "0000")
	k.waitFor("ID operator atau PIN salah.")
	for range 3 {
		k.typeText("0000")
		k.key(tea.KeyEnter)
		k.waitFor("ID operator atau PIN salah.")
	}
	k.typeText("0000")
	k.key(tea.KeyEnter)
	k.waitFor("Terlalu banyak PIN salah.")
	if _, err := k.backend.Authenticate(context.Background(), app.DemoOperatorID, app.DemoOperatorPIN); !errors.Is(err, store.ErrLockedOut) {
		t.Errorf("right PIN after the lockout: %v, want ErrLockedOut", err)
	}
}

func TestGatewayShownUnreachableAfterFailedLookup(t *testing.T) {
	k := startKioskParts(t, i18n.Indonesian, 120, 30, nil, func(p *app.Parts) {
		p.OpenGateway = func(ctx context.Context) (client.Gateway, func() error, error) {
			cfg := dukcapiltest.NewServer()
			c := cfg.ClientConfig()
			cfg.Close() // the gateway's address now refuses connections
			gw, err := client.New(c)
			return gw, nil, err
		}
	})
	k.verifyCard("1")
	k.key(tea.KeyEnter)
	k.waitFor("Jaringan ke Dukcapil terputus", "Dukcapil: terputus")
}
