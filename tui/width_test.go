package tui_test

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/disdikbud/kiosk/tui/i18n"
)

// assertFits renders the model at several window sizes and checks that no
// line is wider than the window and the view is no taller than it.
func assertFits(t *testing.T, model tea.Model, mustShow string) {
	t.Helper()
	sizes := [][2]int{{40, 12}, {41, 13}, {60, 16}, {80, 24}, {100, 30}, {120, 40}}
	for _, size := range sizes {
		w, h := size[0], size[1]
		model, _ = model.Update(tea.WindowSizeMsg{Width: w, Height: h})
		view := model.View()
		lines := strings.Split(view, "\n")
		if len(lines) > h {
			t.Errorf("%dx%d: view has %d lines", w, h, len(lines))
		}
		for i, l := range lines {
			if n := ansi.StringWidth(l); n > w {
				t.Errorf("%dx%d: line %d is %d cells wide: %q", w, h, i, n, ansi.Strip(l))
			}
		}
		if w >= 80 && !strings.Contains(ansi.Strip(view), mustShow) {
			t.Errorf("%dx%d: view lacks %q", w, h, mustShow)
		}
	}
}

func finalModel(t *testing.T, k *kiosk) tea.Model {
	t.Helper()
	k.key(tea.KeyCtrlC) // the demo quits without a supervisor
	return k.tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second))
}

func TestLookupScreenFitsEveryWidth(t *testing.T) {
	k := startKiosk(t, i18n.Indonesian, 100, 30, nil)
	k.verifyCard("1")
	k.key(tea.KeyEnter)
	k.waitFor("Data ditemukan.")
	assertFits(t, finalModel(t, k), "Data ditemukan.")
}

func TestBalikanErrorsFitEveryWidth(t *testing.T) {
	k := startKiosk(t, i18n.Indonesian, 100, 30, nil)
	k.verifyCard("1")
	k.runes("b")
	k.waitFor("Balikan untuk NIK")
	for range 5 {
		k.key(tea.KeyTab)
	}
	k.typeText("SD")
	k.key(tea.KeyTab)
	k.typeText("Z")
	k.key(tea.KeyCtrlS)
	k.waitFor("Pilih A (Unggul)")
	assertFits(t, finalModel(t, k), "Pilih A (Unggul)")
}

func TestFocusedFieldVisibleOnSmallWindow(t *testing.T) {
	k := startKiosk(t, i18n.Indonesian, 40, 12, nil)
	k.verifyCard("1")
	k.runes("b")
	k.waitFor("Balikan")
	for range 7 {
		k.key(tea.KeyTab)
	}
	k.typeText("JALANX")
	k.waitFor("JALANX")
}
