package tui_test

import (
	"context"
	"io"
	"path/filepath"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/disdikbud/kiosk/app"
	"github.com/disdikbud/kiosk/device"
	"github.com/disdikbud/kiosk/tui"
	"github.com/disdikbud/kiosk/tui/i18n"
)

// BenchmarkFirstFrame measures what the operator waits for before the
// first screen: building the root model and rendering it, with the
// backend not yet started (it comes up behind that frame).
func BenchmarkFirstFrame(b *testing.B) {
	renderer := lipgloss.NewRenderer(io.Discard)
	renderer.SetColorProfile(termenv.ANSI256)
	backend := app.NewBackend(app.DemoParts(filepath.Join(b.TempDir(), "kiosk.db"), device.NewSimulator()))
	b.ReportAllocs()
	for b.Loop() {
		m := tui.New(backend, i18n.Indonesian, tui.Options{Demo: true}, renderer)
		m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		_ = m.View()
	}
}

// BenchmarkIdleFrame measures one redraw of the idle screen with every
// part up, the frame the kiosk draws once a second while it waits.
func BenchmarkIdleFrame(b *testing.B) {
	renderer := lipgloss.NewRenderer(io.Discard)
	renderer.SetColorProfile(termenv.ANSI256)
	backend := app.NewBackend(app.DemoParts(filepath.Join(b.TempDir(), "kiosk.db"), device.NewSimulator()))
	backend.Start(context.Background(), func(tui.Part, error) {})
	defer backend.Close()
	m := tui.New(backend, i18n.Indonesian, tui.Options{Demo: true}, renderer)
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}
