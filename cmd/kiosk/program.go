package main

import (
	"log/slog"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/disdikbud/kiosk/tui"
	"github.com/disdikbud/kiosk/tui/i18n"
)

// runProgram shows the TUI on this terminal until the operator quits.
// withModel, when not nil, starts what needs the model (the SSH support
// view) and returns the function that stops it.
func runProgram(backend tui.Backend, lang i18n.Lang, opts tui.Options, withModel func(*tui.Model) func()) error {
	model := tui.New(backend, lang, opts, nil)
	defer model.Close()
	if withModel != nil {
		defer withModel(model)()
	}

	slog.Info("kiosk started", "demo", opts.Demo)
	p := tea.NewProgram(model, tea.WithAltScreen())
	_, err := p.Run()
	slog.Info("kiosk stopped", "err", err)
	return err
}
