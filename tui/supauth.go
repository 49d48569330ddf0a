package tui

import (
	"context"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/disdikbud/kiosk/store"
	"github.com/disdikbud/kiosk/tui/i18n"
)

// supervisorAuthScreen asks for a supervisor's ID and PIN before a step
// that only a supervisor may take: leaving the kiosk, or the supervisor's
// menu. The screen underneath keeps receiving its messages meanwhile.
type supervisorAuthScreen struct {
	back    screen
	purpose supervisorPurpose
	id, pin textinput.Model
	focus   int
	err     string
	busy    bool
}

// supervisorPurpose is what a supervisor's ID and PIN open.
type supervisorPurpose int

const (
	purposeQuit supervisorPurpose = iota
	purposeMenu
)

type supervisorAuthMsg struct {
	op  store.Operator
	err error
}

func newSupervisorAuthScreen(back screen, purpose supervisorPurpose) *supervisorAuthScreen {
	id := newInput(16)
	id.Focus()
	pin := newInput(8)
	pin.EchoMode = textinput.EchoPassword
	pin.EchoCharacter = '•'
	return &supervisorAuthScreen{back: back, purpose: purpose, id: id, pin: pin}
}

func (s *supervisorAuthScreen) title(m *Model) string {
	if s.purpose == purposeMenu {
		return m.T(i18n.TitleSupervisor)
	}
	return m.T(i18n.TitleQuit)
}

func (s *supervisorAuthScreen) help(m *Model) []key.Binding {
	return []key.Binding{m.keys.Enter, m.keys.Next, m.keys.Back}
}

func (s *supervisorAuthScreen) update(m *Model, msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case supervisorAuthMsg:
		s.busy = false
		if msg.err != nil {
			s.err = m.T(i18n.SupervisorDenied)
			if s.purpose == purposeQuit {
				s.err = m.T(i18n.QuitDenied)
			}
			s.pin.SetValue("")
			return s, nil
		}
		return s.granted(m, msg.op)
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

func (s *supervisorAuthScreen) submit(m *Model) tea.Cmd {
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
		return supervisorAuthMsg{op: op, err: err}
	}
}

// granted takes the step the supervisor was asked for.
func (s *supervisorAuthScreen) granted(m *Model, op store.Operator) (screen, tea.Cmd) {
	if s.purpose == purposeQuit {
		m.be.Audit(m.ctx, op.ID, "quit")
		m.wipe()
		return s, tea.Quit
	}
	sup, ok := m.be.(Supervision)
	if !ok {
		return s.back, nil
	}
	m.be.Audit(m.ctx, op.ID, "supervisor-menu")
	m.operator = &op
	return m.show(newSupervisorScreen(sup))
}

func (s *supervisorAuthScreen) view(m *Model, w, h int) string {
	var b strings.Builder
	prompt := i18n.QuitPrompt
	if s.purpose == purposeMenu {
		prompt = i18n.SupervisorPrompt
	}
	b.WriteString("\n" + wrap(m.T(prompt), w) + "\n\n")
	b.WriteString(m.field(m.T(i18n.LabelSupervisorID), s.id.View()) + "\n")
	b.WriteString(m.field(m.T(i18n.LabelPIN), s.pin.View()) + "\n")
	if s.err != "" {
		b.WriteString("\n" + m.styles.Error.Render(wrap(s.err, w)) + "\n")
	}
	return b.String()
}
