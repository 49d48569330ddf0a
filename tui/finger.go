package tui

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/disdikbud/kiosk/device"
	"github.com/disdikbud/kiosk/tui/i18n"
)

// fingerScreen matches the card holder's finger 1:1 against the two
// templates on the chip. The card's NIK is trusted only after a match.
type fingerScreen struct {
	templates [2][]byte
	matching  bool
	left      int      // attempts left after the last no-match
	err       i18n.Key // the last attempt's failure, or ""
	rejected  bool     // attempts exhausted: the card is refused
}

type matchResultMsg struct {
	res device.MatchResult
	err error
}

func newFingerScreen(templates [2][]byte) *fingerScreen {
	return &fingerScreen{templates: templates}
}

func (s *fingerScreen) enter(m *Model) tea.Cmd {
	s.left = m.opts.FingerAttempts
	return s.match(m)
}

func (s *fingerScreen) title(m *Model) string { return m.T(i18n.TitleFinger) }

func (s *fingerScreen) help(m *Model) []key.Binding {
	if s.matching {
		return []key.Binding{m.keys.Lock}
	}
	return []key.Binding{m.keys.Retry, m.keys.Lock, m.keys.Back}
}

func (s *fingerScreen) update(m *Model, msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case matchResultMsg:
		return s.matched(m, msg)
	case deviceEventMsg:
		if msg.event.Kind == device.CardRemoved && !s.matching {
			return s.leave(m)
		}
	case tea.KeyMsg:
		if s.matching {
			return s, nil
		}
		switch {
		case key.Matches(msg, m.keys.Back):
			return s.leave(m)
		case key.Matches(msg, m.keys.Retry):
			if s.rejected {
				return s.leave(m)
			}
			return s, s.match(m)
		}
	}
	return s, nil
}

// leave wipes the templates and the card's data and waits for a card.
func (s *fingerScreen) leave(m *Model) (screen, tea.Cmd) {
	s.wipe()
	m.wipe()
	return m.show(newCardScreen())
}

func (s *fingerScreen) wipe() {
	for _, t := range s.templates {
		clear(t)
	}
	s.templates = [2][]byte{}
}

func (s *fingerScreen) match(m *Model) tea.Cmd {
	s.matching, s.err = true, ""
	matcher, ctx, templates := m.be.Matcher(), m.ctx, s.templates
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		res, err := matcher.Match(ctx, templates)
		return matchResultMsg{res: res, err: err}
	}
}

func (s *fingerScreen) matched(m *Model, msg matchResultMsg) (screen, tea.Cmd) {
	s.matching = false
	if msg.err != nil {
		s.err = i18n.FingerUnavailable
		if errors.Is(msg.err, device.ErrFingerTimeout) {
			s.err = i18n.FingerTimeout
		}
		slog.Warn("fingerprint attempt failed", "operator", m.operator.ID, "err", msg.err)
		return s, nil
	}

	left, err := m.reg.FingerResult(msg.res.Matched, m.opts.FingerAttempts)
	if err != nil {
		return s.leave(m)
	}
	slog.Info("fingerprint attempt", "operator", m.operator.ID, "matched", msg.res.Matched, "score", msg.res.Score)
	if msg.res.Matched {
		m.be.Audit(m.ctx, m.operator.ID, "card-verified")
		s.wipe()
		return m.show(newLookupScreen(m))
	}
	s.left = left
	if left == 0 {
		s.rejected = true
		s.wipe()
		m.be.Audit(m.ctx, m.operator.ID, "card-rejected-fingerprint")
	}
	return s, nil
}

func (s *fingerScreen) view(m *Model, w, h int) string {
	var b strings.Builder
	b.WriteString("\n")
	switch {
	case s.matching:
		b.WriteString(m.styles.Label.Render(wrap(m.T(i18n.FingerPrompt), w)) + "\n")
		b.WriteString("\n" + m.styles.Muted.Render(wrap(m.T(i18n.FingerWaiting), w)) + "\n")
	case s.rejected:
		b.WriteString(m.styles.Error.Render(wrap(m.T(i18n.FingerRejected, m.opts.FingerAttempts), w)) + "\n")
	case s.err != "":
		b.WriteString(m.styles.Error.Render(wrap(m.T(s.err), w)) + "\n")
	default:
		b.WriteString(m.styles.Error.Render(wrap(m.T(i18n.FingerNoMatch, s.left), w)) + "\n")
	}
	return b.String()
}
