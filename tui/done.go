package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/disdikbud/kiosk/tui/i18n"
)

// doneScreen confirms the queued balikan. The registration is already
// wiped when it shows; Enter starts the next applicant.
type doneScreen struct {
	queueID int64
}

func newDoneScreen(id int64) *doneScreen { return &doneScreen{queueID: id} }

func (s *doneScreen) title(m *Model) string { return m.T(i18n.TitleDone) }

func (s *doneScreen) help(m *Model) []key.Binding {
	keys := []key.Binding{m.keys.Enter, m.keys.Lock}
	if m.opts.Simulator != nil && m.cardPresent {
		keys = append(keys, m.keys.DemoOff)
	}
	return keys
}

func (s *doneScreen) update(m *Model, msg tea.Msg) (screen, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return s, nil
	}
	if key.Matches(k, m.keys.Enter) {
		return m.show(newCardScreen())
	}
	if key.Matches(k, m.keys.DemoOff) {
		m.demoKey(k)
	}
	return s, nil
}

func (s *doneScreen) view(m *Model, w, h int) string {
	var b strings.Builder
	b.WriteString("\n" + m.styles.OK.Render(wrap(m.T(i18n.DoneQueued, s.queueID), w)) + "\n")
	b.WriteString("\n" + wrap(m.T(i18n.DoneWiped), w) + "\n")
	if m.cardPresent {
		b.WriteString("\n" + m.styles.Warning.Render(wrap(m.T(i18n.DoneTakeCard), w)) + "\n")
	}
	b.WriteString("\n" + wrap(m.T(i18n.DoneNext), w) + "\n")
	return b.String()
}
