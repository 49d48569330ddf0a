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

// cardScreen waits for an e-KTP and reads it through the SAM.
type cardScreen struct {
	reading bool
	err     i18n.Key // the last read's failure, or ""
	errArgs []any    // the failure message's arguments
}

type cardReadMsg struct {
	card *device.Card
	err  error
	took time.Duration
}

// newCardScreen waits for a card. A card the previous registration left
// on the reader (Model.staleCard) is not read again.
func newCardScreen() *cardScreen { return &cardScreen{} }

// enter starts a read at once when the new applicant's card already lies
// on the reader.
func (s *cardScreen) enter(m *Model) tea.Cmd {
	if m.cardPresent && !m.staleCard && m.parts[PartReader].up {
		return s.read(m)
	}
	return nil
}

func (s *cardScreen) title(m *Model) string { return m.T(i18n.TitleCard) }

func (s *cardScreen) help(m *Model) []key.Binding {
	keys := []key.Binding{m.keys.Lock}
	if s.err != "" {
		keys = append(keys, m.keys.Retry)
	}
	if m.opts.Simulator != nil {
		keys = append(keys, m.keys.DemoCard, m.keys.DemoOther, m.keys.DemoOff)
	}
	return append(keys, m.keys.Quit)
}

func (s *cardScreen) update(m *Model, msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case deviceEventMsg:
		switch msg.event.Kind {
		case device.CardInserted:
			return s, s.read(m)
		case device.CardRemoved:
			if !s.reading {
				s.err = ""
			}
		}
		return s, nil

	case cardReadMsg:
		return s.readDone(m, msg)

	case tea.KeyMsg:
		if s.reading {
			return s, nil
		}
		if key.Matches(msg, m.keys.Retry) && m.cardPresent && s.err != "" {
			return s, s.read(m)
		}
		m.demoKey(msg)
	}
	return s, nil
}

// demoKey puts a simulated card on the reader or takes it off.
func (m *Model) demoKey(msg tea.KeyMsg) {
	sim := m.opts.Simulator
	if sim == nil {
		return
	}
	k := msg.String()
	switch {
	case key.Matches(msg, m.keys.DemoCard):
		i := int(k[0] - '1')
		if i < len(m.opts.DemoCards) {
			sim.Insert(m.opts.DemoCards[i])
		}
	case key.Matches(msg, m.keys.DemoOther):
		sim.Insert(device.SimCard{Label: "kartu lain", Fault: device.ErrNotEKTP})
	case key.Matches(msg, m.keys.DemoOff):
		sim.Remove()
	}
}

func (s *cardScreen) read(m *Model) tea.Cmd {
	if s.reading {
		return nil
	}
	s.reading, s.err = true, ""
	reader, ctx := m.be.Reader(), m.ctx
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		start := time.Now()
		card, err := reader.ReadCard(ctx)
		return cardReadMsg{card: card, err: err, took: time.Since(start)}
	}
}

func (s *cardScreen) readDone(m *Model, msg cardReadMsg) (screen, tea.Cmd) {
	s.reading = false
	if msg.err != nil {
		s.err, s.errArgs = cardErrorMessage(msg.err), nil
		var wrong *device.WrongSecretError
		if errors.As(msg.err, &wrong) {
			s.err, s.errArgs = i18n.CardSAMTriesLeft, []any{wrong.TriesLeft}
		}
		slog.Warn("card read failed", "operator", m.operator.ID, "err", msg.err, "duration", msg.took)
		return s, nil
	}
	slog.Info("card read", "operator", m.operator.ID, "duration", msg.took)
	holder := residentFromCard(msg.card.Biodata)
	templates := msg.card.Templates
	msg.card.Biodata = device.Biodata{}
	if err := m.reg.CardRead(holder); err != nil {
		m.wipe()
		s.err = i18n.CardFailed
		return s, nil
	}
	return m.show(newFingerScreen(templates))
}

// cardErrorMessage picks the operator message, with its next action, for
// a failed read. Each error of the reading sequence has its own.
func cardErrorMessage(err error) i18n.Key {
	table := []struct {
		err error
		key i18n.Key
	}{
		{device.ErrServiceDown, i18n.CardServiceDown},
		{device.ErrNoReader, i18n.CardNoReader},
		{device.ErrNoSAM, i18n.CardNoSAM},
		{device.ErrSAMWrongSecret, i18n.CardSAMWrongSecret},
		{device.ErrSAMLocked, i18n.CardSAMLocked},
		{device.ErrNoCard, i18n.CardNoCard},
		{device.ErrNotEKTP, i18n.CardNotEKTP},
		{device.ErrCardRemoved, i18n.CardRemoved},
		{device.ErrAuthFailed, i18n.CardAuthFailed},
		{device.ErrBadSignature, i18n.CardBadSignature},
		{device.ErrTampered, i18n.CardTampered},
		{device.ErrMalformed, i18n.CardMalformed},
		{context.DeadlineExceeded, i18n.CardTimeout},
	}
	for _, row := range table {
		if errors.Is(err, row.err) {
			return row.key
		}
	}
	return i18n.CardFailed
}

func (s *cardScreen) view(m *Model, w, h int) string {
	var b strings.Builder
	b.WriteString("\n")
	switch {
	case !m.parts[PartReader].up && m.parts[PartReader].err != nil:
		failure := i18n.ReaderFailed
		if errors.Is(m.parts[PartReader].err, device.ErrServiceDown) {
			failure = i18n.CardServiceDown
		}
		b.WriteString(m.styles.Error.Render(wrap(m.T(failure), w)) + "\n")
	case s.reading:
		b.WriteString(m.styles.Label.Render(wrap(m.T(i18n.CardReading), w)) + "\n")
	case s.err != "":
		b.WriteString(m.styles.Error.Render(wrap(m.T(s.err, s.errArgs...), w)) + "\n")
	case m.staleCard && m.cardPresent:
		b.WriteString(m.styles.Warning.Render(wrap(m.T(i18n.CardTakePrevious), w)) + "\n")
	default:
		b.WriteString(m.styles.Label.Render(wrap(m.T(i18n.CardPrompt), w)) + "\n")
		b.WriteString("\n" + wrap(m.T(i18n.CardPromptDetail), w) + "\n")
	}
	if m.opts.Simulator != nil && !s.reading {
		b.WriteString("\n" + m.styles.Muted.Render(m.T(i18n.DemoCardsTitle)) + "\n")
		for i, c := range m.opts.DemoCards {
			if i >= 9 {
				break
			}
			b.WriteString(m.styles.Muted.Render("  "+string(rune('1'+i))+"  "+c.Label) + "\n")
		}
	}
	return b.String()
}
