package tui

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/disdikbud/kiosk/client"
	"github.com/disdikbud/kiosk/ppdb"
	"github.com/disdikbud/kiosk/tui/i18n"
)

// lookupScreen looks up a NIK at Dukcapil (CALL_NIK): the verified card
// holder's, or one typed from the Kartu Keluarga for a student without an
// e-KTP. It shows the nine elements of the record returned.
type lookupScreen struct {
	typing   bool
	input    textinput.Model
	inputErr string
	busy     bool
	outcome  i18n.Key      // the last lookup's result message, or ""
	offline  bool          // the last lookup could not reach the gateway
	shownNIK string        // the NIK whose record is on screen, or ""
	verify   *verifyScreen // the last verification, kept while the registration lasts
}

type lookupResultMsg struct {
	nik string
	res client.LookupResult
	err error
}

func newLookupScreen(m *Model) *lookupScreen {
	in := newInput(16)
	in.Placeholder = "16 digit"
	return &lookupScreen{input: in}
}

func (s *lookupScreen) title(m *Model) string { return m.T(i18n.TitleLookup) }

func (s *lookupScreen) help(m *Model) []key.Binding {
	if s.typing {
		return []key.Binding{m.keys.Enter, m.keys.Verify, m.keys.Back}
	}
	return []key.Binding{m.keys.LookupHolder, m.keys.Lock, m.keys.TypeNIK, m.keys.Verify, m.keys.Balikan, m.keys.Back}
}

func (s *lookupScreen) update(m *Model, msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case lookupResultMsg:
		return s, s.result(m, msg)
	case tea.KeyMsg:
		if s.busy {
			return s, nil
		}
		if s.typing && key.Matches(msg, m.keys.Verify) {
			return s.verifyTyped(m)
		}
		if s.typing {
			return s, s.typingKey(m, msg)
		}
		return s.menuKey(m, msg)
	}
	return s, nil
}

func (s *lookupScreen) menuKey(m *Model, msg tea.KeyMsg) (screen, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Enter):
		return s, s.lookup(m, m.reg.Holder.NIK)
	case key.Matches(msg, m.keys.DemoOff):
		m.demoKey(msg) // the card may leave the reader once it is verified
		return s, nil
	case key.Matches(msg, m.keys.TypeNIK):
		s.typing = true
		s.input.Focus()
		return s, textinput.Blink
	case key.Matches(msg, m.keys.Verify):
		target := s.shownNIK
		if target == "" {
			target = m.reg.Holder.NIK
		}
		return s.openVerify(target), nil
	case key.Matches(msg, m.keys.Balikan):
		target := s.shownNIK
		if target == "" {
			target = m.reg.Holder.NIK
		}
		if err := m.reg.BeginBalikan(target); err != nil {
			return s, nil
		}
		return m.show(newBalikanScreen(m, s))
	case key.Matches(msg, m.keys.Back):
		m.wipe()
		return m.show(newCardScreen())
	}
	return s, nil
}

// typingKey edits the typed NIK. Only digits reach the field, and a NIK
// that fails validation stays in it so the operator can correct it.
func (s *lookupScreen) typingKey(m *Model, msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Back):
		s.typing, s.inputErr = false, ""
		s.input.Blur()
		return nil
	case key.Matches(msg, m.keys.Enter):
		nik := s.input.Value()
		if _, err := ppdb.ParseNIK(nik); err != nil {
			s.inputErr = nikErrorMessage(m, err)
			return nil
		}
		s.inputErr = ""
		return s.lookup(m, nik)
	}
	if msg.Type == tea.KeyRunes && !ppdb.IsDigits(string(msg.Runes)) {
		s.inputErr = m.T(i18n.NIKDigitsOnly)
		return nil
	}
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	return cmd
}

// verifyTyped opens the verification for the NIK being typed, which must
// be valid. Without a looked-up record the check goes to the gateway.
func (s *lookupScreen) verifyTyped(m *Model) (screen, tea.Cmd) {
	nik := s.input.Value()
	if _, err := ppdb.ParseNIK(nik); err != nil {
		s.inputErr = nikErrorMessage(m, err)
		return s, nil
	}
	s.inputErr = ""
	return s.openVerify(nik), nil
}

// openVerify returns the verification screen for nik, the earlier one when
// it was for the same NIK, so the typed claims and verdicts stay.
func (s *lookupScreen) openVerify(nik string) *verifyScreen {
	if s.verify == nil || s.verify.nik != nik {
		s.verify = newVerifyScreen(s, nik)
	}
	return s.verify
}

// lookup checks the agreement period, the gateway and the no-repeat rule,
// then calls CALL_NIK in a command.
func (s *lookupScreen) lookup(m *Model, nik string) tea.Cmd {
	now := m.opts.Now()
	if now.Before(m.opts.AgreementFrom) || now.After(m.opts.AgreementUntil) {
		s.outcome = i18n.LookupOutsideAgreement
		return nil
	}
	if !m.parts[PartGateway].up {
		s.outcome, s.offline = i18n.LookupOffline, true
		return nil
	}
	if err := m.reg.BeginLookup(nik); err != nil {
		s.outcome = i18n.LookupFailed
		if errors.Is(err, ppdb.ErrAlreadyLookedUp) {
			s.outcome = i18n.LookupAlreadyDone
		}
		return nil
	}

	s.busy, s.outcome, s.shownNIK = true, "", ""
	be, ctx, operator := m.be, m.ctx, m.operator.ID
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
		defer cancel()
		res, err := be.Lookup(ctx, operator, nik)
		return lookupResultMsg{nik: nik, res: res, err: err}
	}
}

func (s *lookupScreen) result(m *Model, msg lookupResultMsg) tea.Cmd {
	s.busy = false
	s.offline = false
	outcome := client.OutcomeOf(msg.err)
	m.gatewayDown = msg.err != nil && (outcome == client.NetworkDown || outcome == client.Timeout)
	if msg.err != nil {
		if client.NeverSent(msg.err) || errors.Is(msg.err, client.ErrQuotaReached) {
			m.reg.ForgetLookup(msg.nik)
		}
		s.outcome = lookupErrorMessage(msg.err)
		s.offline = client.OutcomeOf(msg.err) == client.NetworkDown
		slog.Warn("lookup failed", "operator", m.operator.ID, "outcome", client.OutcomeOf(msg.err).String())
		return nil
	}

	s.outcome = outcomeMessage(msg.res.Outcome)
	if msg.res.Record != nil {
		m.reg.LookupFound(residentFromRecord(msg.res.Record))
		*msg.res.Record = client.Record{}
		s.shownNIK = msg.nik
		s.typing = false
		s.input.Blur()
		s.input.SetValue("")
	}
	return nil
}

func (s *lookupScreen) view(m *Model, w, h int) string {
	var b strings.Builder
	b.WriteString(m.styles.OK.Render(wrap(m.T(i18n.LookupVerified), w)) + "\n")
	b.WriteString(m.field(m.T(i18n.LabelCardNIK), m.reg.Holder.NIK) + "\n")

	if s.typing {
		b.WriteString("\n" + m.field(m.T(i18n.LabelTypedNIK), s.input.View()) + "\n")
		if s.inputErr != "" {
			b.WriteString(m.styles.Error.Render(wrap(s.inputErr, w)) + "\n")
		}
	}
	if s.busy {
		b.WriteString("\n" + m.styles.Muted.Render(m.T(i18n.LookupBusy)) + "\n")
	}
	if s.outcome != "" {
		style := m.styles.Error
		if s.outcome == i18n.OutcomeFound {
			style = m.styles.OK
		}
		b.WriteString("\n" + style.Render(wrap(m.T(s.outcome), w)) + "\n")
	}
	if q := m.be.Quota(); m.parts[PartGateway].up && q.Warn && !q.Exhausted {
		b.WriteString(m.styles.Warning.Render(wrap(m.T(i18n.QuotaWarn, q.Limit-q.Used), w)) + "\n")
	}
	if rec, ok := m.reg.Record(s.shownNIK); ok {
		b.WriteString("\n" + residentView(m, rec, w))
	} else if !s.busy && s.outcome == "" && !s.typing {
		b.WriteString("\n" + wrap(m.T(i18n.LookupChoose), w) + "\n")
	}
	if s.typing && m.opts.DemoStudentNIK != "" {
		b.WriteString("\n" + m.styles.Muted.Render(wrap(m.T(i18n.DemoStudentHint, m.opts.DemoStudentNIK), w)) + "\n")
	}
	return b.String()
}
