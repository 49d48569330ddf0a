package main

import (
	"log/slog"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/disdikbud/kiosk/tui"
	"github.com/disdikbud/kiosk/tui/i18n"
)

// runProgram shows the TUI on this terminal until the operator quits.
func runProgram(backend tui.Backend, lang i18n.Lang, opts tui.Options) error {
	model := tui.New(backend, lang, opts, nil)
	defer model.Close()

	slog.Info("kiosk started", "demo", opts.Demo)
	p := tea.NewProgram(model, tea.WithAltScreen())
	_, err := p.Run()
	slog.Info("kiosk stopped", "err", err)
	return err
}
