package tui_test

import (
	"context"
	"errors"
	"net"
	"path/filepath"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/xuri/excelize/v2"

	"github.com/disdikbud/kiosk/app"
	"github.com/disdikbud/kiosk/client"
	"github.com/disdikbud/kiosk/client/dukcapiltest"
	"github.com/disdikbud/kiosk/tui/i18n"
)

// queueOneBalikan runs a registration of demo card 1 to a queued balikan
// and locks the kiosk.
func (k *kiosk) queueOneBalikan() {
	k.verifyCard("1")
	k.runes("b")
	k.waitFor("Balikan untuk NIK")
	k.typeText("DN-03 DL 0012345")
	k.key(tea.KeyCtrlS)
	k.waitFor("Balikan tersimpan di antrean")
	k.key(tea.KeyCtrlL)
	k.waitFor("Kiosk dikunci")
}

func (k *kiosk) openSupervisor() {
	k.runes("s")
	k.waitFor("Menu supervisor")
	k.typeText(app.DemoSupervisorID)
	k.key(tea.KeyTab)
	k.typeText(app.DemoSupervisorPIN)
	k.key(tea.KeyEnter)
	k.waitFor("Antrean balikan", "Laporan semester")
}

func TestSupervisorRejectsOperator(t *testing.T) {
	k := startKiosk(t, i18n.Indonesian, 100, 40, nil)
	k.waitFor("Dukcapil: siap")
	k.runes("s")
	k.waitFor("Menu supervisor")
	k.typeText(app.DemoOperatorID)
	k.key(tea.KeyTab)
	k.typeText(app.DemoOperatorPIN)
	k.key(tea.KeyEnter)
	k.waitFor("Bukan supervisor atau PIN salah.")
}

// balikanEndpointDown points the balikan delivery at a loopback port where
// nothing listens, so queued records stay until they are exported.
func balikanEndpointDown(t *testing.T) func(*app.Parts) {
	return func(p *app.Parts) {
		p.OpenGateway = func(ctx context.Context) (client.Gateway, func() error, error) {
			srv := dukcapiltest.NewServer()
			cfg := srv.ClientConfig()
			cfg.StoreURL = "http://" + closedPort(t) + "/balikan"
			gw, err := client.New(cfg)
			return gw, func() error { srv.Close(); return nil }, err
		}
	}
}

func closedPort(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

func TestSupervisorExportsXLSX(t *testing.T) {
	k := startKioskParts(t, i18n.Indonesian, 120, 40, nil, balikanEndpointDown(t))
	k.queueOneBalikan()
	father := dukcapiltest.Residents()[0]

	k.openSupervisor()
	k.waitFor("Laporan semester", "pencarian NIK")

	k.runes("x")
	k.waitFor("Berkas tujuan")
	out := filepath.Join(t.TempDir(), "balikan.xlsx")
	for range 80 {
		k.key(tea.KeyBackspace)
	}
	k.typeText(out)
	k.key(tea.KeyEnter)
	k.waitFor("1 catatan balikan diekspor ke")

	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[1][0] != father.NIK {
		t.Errorf("export rows = %d, want the header and the father's record", len(rows))
	}
	stats, err := k.backend.QueueStats(context.Background())
	if err != nil || stats.Exported != 1 || stats.Pending != 0 {
		t.Errorf("queue after the export: %+v, %v; want one exported record", stats, err)
	}
}

func TestOfflineRegistrationQueuesBalikan(t *testing.T) {
	k := startKioskParts(t, i18n.Indonesian, 100, 40, nil, func(p *app.Parts) {
		p.OpenGateway = func(ctx context.Context) (client.Gateway, func() error, error) {
			return nil, nil, errors.New("gateway unreachable")
		}
	})
	k.waitFor("Dukcapil: mati", "Pembaca: siap")
	k.ready = true
	k.verifyCard("1")

	k.key(tea.KeyEnter)
	k.waitFor("Jaringan ke Dukcapil terputus")
	k.runes("b")
	k.waitFor("Balikan untuk NIK")
	k.typeText("DN-03 DL 0012345")
	k.key(tea.KeyCtrlS)
	k.waitFor("Balikan tersimpan di antrean (nomor 1)")

	stats, err := k.backend.QueueStats(context.Background())
	if err != nil || stats.Pending != 1 {
		t.Errorf("queue after an offline registration: %+v, %v; want one pending record", stats, err)
	}
}

func TestSupervisorExportWithNothingWaiting(t *testing.T) {
	k := startKiosk(t, i18n.Indonesian, 120, 40, nil)
	k.waitReady()
	k.openSupervisor()
	k.runes("c")
	k.waitFor("Berkas tujuan")
	k.key(tea.KeyEnter)
	k.waitFor("Tidak ada balikan yang menunggu")
}
