package tui

import (
	"context"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/disdikbud/kiosk/tui/i18n"
)

// quitScreen asks for a supervisor's ID and PIN before the kiosk exits.
type quitScreen struct {
	back    screen
	id, pin textinput.Model
	focus   int
	err     string
	busy    bool
}

type quitAuthMsg struct{ err error }

func newQuitScreen(m *Model, back screen) *quitScreen {
	id := newInput(16)
	id.Focus()
	pin := newInput(8)
	pin.EchoMode = textinput.EchoPassword
	pin.EchoCharacter = '•'
	return &quitScreen{back: back, id: id, pin: pin}
}

func (s *quitScreen) title(m *Model) string { return m.T(i18n.TitleQuit) }

func (s *quitScreen) help(m *Model) []key.Binding {
	return []key.Binding{m.keys.Enter, m.keys.Next, m.keys.Back}
}

func (s *quitScreen) update(m *Model, msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case quitAuthMsg:
		s.busy = false
		if msg.err != nil {
			s.err = m.T(i18n.QuitDenied)
			s.pin.SetValue("")
			return s, nil
		}
		m.wipe()
		return s, tea.Quit
	case tea.KeyMsg:
		if s.busy {
			return s, nil
		}
		switch {
		case key.Matches(msg, m.keys.Back):
			return s.back, nil
		case key.Matches(msg, m.keys.Next), key.Matches(msg, m.keys.Prev),
			key.Matches(msg, m.keys.Enter) && s.focus == 0:
			s.focus = 1 - s.focus
			if s.focus == 0 {
				s.pin.Blur()
				s.id.Focus()
			} else {
				s.id.Blur()
				s.pin.Focus()
			}
			return s, nil
		case key.Matches(msg, m.keys.Enter):
			return s, s.submit(m)
		}
		var cmd tea.Cmd
		if s.focus == 0 {
			s.id, cmd = s.id.Update(msg)
		} else {
			s.pin, cmd = s.pin.Update(msg)
		}
		return s, cmd
	}
	// Other messages (a finished card read, a lookup result) belong to
	// the screen underneath.
	next, cmd := s.back.update(m, msg)
	s.back = next
	return s, cmd
}

func (s *quitScreen) submit(m *Model) tea.Cmd {
	id := strings.ToUpper(strings.TrimSpace(s.id.Value()))
	pin := s.pin.Value()
	s.busy, s.err = true, ""
	be, ctx := m.be, m.ctx
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		op, err := be.Authenticate(ctx, id, pin)
		if err == nil && !op.Supervisor {
			err = errNotSupervisor
		}
		if err == nil {
			be.Audit(ctx, op.ID, "quit")
		}
		return quitAuthMsg{err: err}
	}
}

func (s *quitScreen) view(m *Model, w, h int) string {
	var b strings.Builder
	b.WriteString("\n" + wrap(m.T(i18n.QuitPrompt), w) + "\n\n")
	b.WriteString(m.field(m.T(i18n.LabelSupervisorID), s.id.View()) + "\n")
	b.WriteString(m.field(m.T(i18n.LabelPIN), s.pin.View()) + "\n")
	if s.err != "" {
		b.WriteString("\n" + m.styles.Error.Render(wrap(s.err, w)) + "\n")
	}
	return b.String()
}
