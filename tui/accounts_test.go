package tui_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/disdikbud/kiosk/app"
	"github.com/disdikbud/kiosk/tui/i18n"
)

func TestSupervisorRecordsNDADate(t *testing.T) {
	k := startKiosk(t, i18n.Indonesian, 120, 40, nil)
	k.waitReady()
	k.openSupervisor()
	k.runes("o")
	k.waitFor(app.DemoNoNDAID, "belum ada NDA: tidak dapat masuk")

	k.typeText(app.DemoNoNDAID)
	k.key(tea.KeyTab)
	k.typeText("31-02-2026")
	k.key(tea.KeyEnter)
	k.waitFor("Tanggal tidak sah: ketik dd-mm-yyyy")

	for range 10 {
		k.key(tea.KeyBackspace)
	}
	k.typeText("01-07-2026")
	k.key(tea.KeyEnter)
	k.waitFor("Tanggal NDA " + app.DemoNoNDAID + " dicatat: 01-07-2026.")

	k.key(tea.KeyEscape)
	k.key(tea.KeyEscape) // leave the supervisor's menu: back to idle
	k.signIn(app.DemoNoNDAID, app.DemoNoNDAPIN)
	k.waitFor("Tempelkan e-KTP pada pembaca kartu")
}

func TestSupervisorWritesSemesterReport(t *testing.T) {
	k := startKiosk(t, i18n.Indonesian, 120, 40, nil)
	k.verifyCard("1")
	k.key(tea.KeyEnter) // one lookup, one hit
	k.waitFor("Data ditemukan.")
	k.key(tea.KeyCtrlL)
	k.waitFor("Kiosk dikunci")

	k.openSupervisor()
	k.runes("l")
	k.waitFor("Berkas tujuan")
	out := filepath.Join(t.TempDir(), "laporan.csv")
	for range 120 {
		k.key(tea.KeyBackspace)
	}
	k.typeText(out)
	k.key(tea.KeyEnter)
	k.waitFor("Laporan semester ditulis ke")

	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), ",hits,1\n") || !strings.Contains(string(data), "operator,"+app.DemoOperatorID+",hits,1\n") {
		t.Errorf("report lacks the one hit of %s:\n%s", app.DemoOperatorID, data)
	}
}
