package tui

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/disdikbud/kiosk/store"
	"github.com/disdikbud/kiosk/tui/i18n"
)

// accountsScreen lists the operator accounts and records the day an
// operator signed the NDA, without which the account cannot sign in.
// Creating accounts and setting PINs stays with "kiosk operator add".
type accountsScreen struct {
	sup    Supervision
	back   screen
	list   []store.Operator
	form   form
	err    string
	result string
	busy   bool
}

// Fields of the NDA form.
const (
	ndaFieldID = iota
	ndaFieldDate
)

type accountsMsg struct {
	list []store.Operator
	err  error
}

type ndaSavedMsg struct {
	id  string
	day time.Time
	err error
}

func newAccountsScreen(sup Supervision, back screen) *accountsScreen {
	s := &accountsScreen{sup: sup, back: back, form: newForm(16, 10)}
	s.form.inputs[ndaFieldDate].Placeholder = "dd-mm-yyyy"
	return s
}

func (s *accountsScreen) enter(m *Model) tea.Cmd { return s.load(m) }

func (s *accountsScreen) load(m *Model) tea.Cmd {
	sup, ctx := s.sup, m.ctx
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		list, err := sup.Operators(ctx)
		return accountsMsg{list: list, err: err}
	}
}

func (s *accountsScreen) title(m *Model) string { return m.T(i18n.TitleAccounts) }

func (s *accountsScreen) help(m *Model) []key.Binding {
	return []key.Binding{m.keys.Save, m.keys.Next, m.keys.Back}
}

func (s *accountsScreen) update(m *Model, msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case accountsMsg:
		if msg.err != nil {
			s.err = m.T(i18n.AccountsFailed)
			return s, nil
		}
		s.list = msg.list
	case ndaSavedMsg:
		s.busy = false
		if msg.err != nil {
			s.err = m.T(i18n.NDAUnknownOperator, msg.id)
			if !errors.Is(msg.err, store.ErrUnknownOperator) {
				s.err = m.T(i18n.AccountsFailed)
			}
			return s, nil
		}
		s.result = m.T(i18n.NDARecorded, msg.id, msg.day.Format("02-01-2006"))
		m.be.Audit(m.ctx, m.operator.ID, "nda-recorded")
		s.form.inputs[ndaFieldID].SetValue("")
		s.form.inputs[ndaFieldDate].SetValue("")
		return s, s.load(m)
	case tea.KeyMsg:
		if s.busy {
			return s, nil
		}
		if key.Matches(msg, m.keys.Back) {
			return s.back, m.refreshQueue()
		}
		submit, cmd := s.form.update(m, msg)
		if submit {
			return s, s.save(m)
		}
		return s, cmd
	}
	return s, nil
}

// save checks the typed ID and date, then records the date.
func (s *accountsScreen) save(m *Model) tea.Cmd {
	id := strings.ToUpper(strings.TrimSpace(s.form.value(ndaFieldID)))
	typed := strings.TrimSpace(s.form.value(ndaFieldDate))
	s.err, s.result = "", ""
	if id == "" {
		s.err = m.T(i18n.NDAMissingID)
		return nil
	}
	day, err := time.ParseInLocation("02-01-2006", typed, time.Local)
	if err != nil {
		s.err = m.T(i18n.NDABadDate)
		return nil
	}
	if day.After(m.opts.Now()) {
		s.err = m.T(i18n.NDAFutureDate)
		return nil
	}

	s.busy = true
	sup, ctx := s.sup, m.ctx
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		return ndaSavedMsg{id: id, day: day, err: sup.SetNDADate(ctx, id, day)}
	}
}

func (s *accountsScreen) view(m *Model, w, h int) string {
	var b strings.Builder
	for _, op := range s.list {
		line := op.ID + "  " + op.Name
		if op.Supervisor {
			line += " · " + m.T(i18n.AccountSupervisor)
		}
		if op.NDADate.IsZero() {
			line += " · " + m.styles.Warning.Render(m.T(i18n.AccountNoNDA))
		} else {
			line += " · NDA " + op.NDADate.Format("02-01-2006")
		}
		b.WriteString(line + "\n")
	}
	b.WriteString("\n" + wrap(m.T(i18n.NDAPrompt), w) + "\n")
	b.WriteString(m.field(m.T(i18n.LabelOperatorID), s.form.inputs[ndaFieldID].View()) + "\n")
	b.WriteString(m.field(m.T(i18n.LabelNDADate), s.form.inputs[ndaFieldDate].View()) + "\n")
	if s.result != "" {
		b.WriteString("\n" + m.styles.OK.Render(wrap(s.result, w)) + "\n")
	}
	if s.err != "" {
		b.WriteString("\n" + m.styles.Error.Render(wrap(s.err, w)) + "\n")
	}
	return b.String()
}
