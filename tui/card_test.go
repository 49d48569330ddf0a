package tui_test

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/disdikbud/kiosk/app"
	"github.com/disdikbud/kiosk/device"
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
