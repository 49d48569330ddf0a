package tui

import (
	"context"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/disdikbud/kiosk/store"
	"github.com/disdikbud/kiosk/tui/i18n"
)

// supervisorAuthScreen requests a supervisor's ID and PIN before a step
// that only a supervisor may take: leaving the kiosk, or the supervisor's
// menu. The screen underneath keeps receiving its messages meanwhile.
type supervisorAuthScreen struct {
	back    screen
	purpose supervisorPurpose
	form    form
	err     string
	busy    bool
}

// supervisorPurpose is the step a supervisor's ID and PIN open.
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
	return &supervisorAuthScreen{back: back, purpose: purpose, form: newCredentialsForm()}
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
			s.form.clearPIN()
			return s, nil
		}
		return s.granted(m, msg.op)
	case tea.KeyMsg:
		if s.busy {
			return s, nil
		}
		if key.Matches(msg, m.keys.Back) {
			return s.back, nil
		}
		submit, cmd := s.form.update(m, msg)
		if submit {
			return s, s.submit(m)
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
	id, pin := s.form.credentials()
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
	b.WriteString(s.form.credentialsView(m, i18n.LabelSupervisorID))
	if s.err != "" {
		b.WriteString("\n" + m.styles.Error.Render(wrap(s.err, w)) + "\n")
	}
	return b.String()
}
