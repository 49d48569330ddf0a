package tui

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/disdikbud/kiosk/store"
	"github.com/disdikbud/kiosk/tui/i18n"
)

// signInScreen takes the operator's local user ID and PIN.
type signInScreen struct {
	form form
	err  string
	busy bool
}

type authResultMsg struct {
	op  store.Operator
	err error
}

func newSignInScreen(m *Model) *signInScreen {
	return &signInScreen{form: newCredentialsForm()}
}

func (s *signInScreen) title(m *Model) string { return m.T(i18n.TitleSignIn) }

func (s *signInScreen) help(m *Model) []key.Binding {
	return []key.Binding{m.keys.Enter, m.keys.Next, m.keys.Back}
}

func (s *signInScreen) update(m *Model, msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case authResultMsg:
		s.busy = false
		if msg.err != nil {
			id, _ := s.form.credentials()
			slog.Warn("sign-in refused", "operator", id, "reason", string(authMessage(msg.err)))
			s.err = m.T(authMessage(msg.err))
			s.form.clearPIN()
			return s, nil
		}
		op := msg.op
		m.operator = &op
		m.reg.Wipe()
		m.be.Audit(m.ctx, op.ID, "sign-in")
		slog.Info("operator signed in", "operator", op.ID)
		return m.show(newCardScreen())

	case tea.KeyMsg:
		if s.busy {
			return s, nil
		}
		if key.Matches(msg, m.keys.Back) {
			return newIdleScreen(), nil
		}
		submit, cmd := s.form.update(m, msg)
		if submit {
			return s, s.submit(m)
		}
		return s, cmd
	}
	return s, nil
}

func (s *signInScreen) submit(m *Model) tea.Cmd {
	id, pin := s.form.credentials()
	if id == "" || pin == "" {
		s.err = m.T(i18n.SignInMissing)
		return nil
	}
	s.busy, s.err = true, ""
	be, ctx := m.be, m.ctx
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		op, err := be.Authenticate(ctx, id, pin)
		return authResultMsg{op: op, err: err}
	}
}

// authMessage picks the operator message for a sign-in failure.
func authMessage(err error) i18n.Key {
	switch {
	case errors.Is(err, store.ErrLockedOut):
		return i18n.SignInLockedOut
	case errors.Is(err, store.ErrUnknownOperator), errors.Is(err, store.ErrWrongPIN):
		return i18n.SignInWrong
	case errors.Is(err, store.ErrNoNDA):
		return i18n.SignInNoNDA
	}
	return i18n.SignInFailed
}

func (s *signInScreen) view(m *Model, w, h int) string {
	var b strings.Builder
	b.WriteString("\n" + wrap(m.T(i18n.SignInPrompt), w) + "\n\n")
	b.WriteString(s.form.credentialsView(m, i18n.LabelOperatorID))
	if s.busy {
		b.WriteString("\n" + m.styles.Muted.Render(m.T(i18n.Checking)) + "\n")
	}
	if s.err != "" {
		b.WriteString("\n" + m.styles.Error.Render(wrap(s.err, w)) + "\n")
	}
	if a := m.opts.DemoAccounts; a[0][0] != "" {
		hint := m.T(i18n.DemoAccountsHint, a[0][0], a[0][1], a[1][0], a[1][1], a[2][0], a[2][1])
		b.WriteString("\n" + m.styles.Muted.Render(wrap(hint, w)))
	}
	return b.String()
}
