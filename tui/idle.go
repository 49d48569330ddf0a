package tui

import (
	"errors"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/disdikbud/kiosk/device"
	"github.com/disdikbud/kiosk/tui/i18n"
)

// idleScreen is shown while no operator is signed in.
type idleScreen struct{}

func newIdleScreen() *idleScreen { return &idleScreen{} }

func (s *idleScreen) title(m *Model) string { return m.T(i18n.TitleIdle) }

func (s *idleScreen) help(m *Model) []key.Binding {
	keys := []key.Binding{m.keys.Enter}
	if _, ok := m.be.(Supervision); ok {
		keys = append(keys, supervisorKeyMap(m).Open)
	}
	return append(keys, m.keys.Language, m.keys.Quit)
}

func (s *idleScreen) update(m *Model, msg tea.Msg) (screen, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return s, nil
	}
	switch {
	case key.Matches(k, m.keys.Enter):
		if !m.parts[PartStore].up {
			m.notice = i18n.StoreNotReady
			return s, nil
		}
		return m.show(newSignInScreen(m))
	case key.Matches(k, supervisorKeyMap(m).Open):
		if _, ok := m.be.(Supervision); !ok {
			return s, nil
		}
		if !m.parts[PartStore].up {
			m.notice = i18n.SupervisorUnavailable
			return s, nil
		}
		return newSupervisorAuthScreen(s, purposeMenu), nil
	}
	return s, nil
}

func (s *idleScreen) view(m *Model, w, h int) string {
	var b strings.Builder
	b.WriteString("\n")
	b.WriteString(m.styles.Label.Render(wrap(m.T(i18n.IdleWelcome), w)))
	b.WriteString("\n\n")
	b.WriteString(wrap(m.T(i18n.IdlePressEnter), w))
	b.WriteString("\n")
	if err := m.parts[PartStore].err; err != nil {
		b.WriteString("\n" + m.styles.Error.Render(wrap(m.T(i18n.StoreFailed), w)))
	}
	if err := m.parts[PartGateway].err; err != nil {
		b.WriteString("\n" + m.styles.Warning.Render(wrap(m.T(i18n.GatewayFailed), w)))
	}
	if err := m.parts[PartReader].err; err != nil {
		failure := i18n.ReaderFailed
		if errors.Is(err, device.ErrServiceDown) {
			failure = i18n.ReaderServiceDown
		}
		b.WriteString("\n" + m.styles.Warning.Render(wrap(m.T(failure), w)))
	}
	return b.String()
}
