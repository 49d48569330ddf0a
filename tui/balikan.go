package tui

import (
	"context"
	"log/slog"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/disdikbud/kiosk/ppdb"
	"github.com/disdikbud/kiosk/tui/i18n"
)

// balikanScreen takes the eight balikan fields for the subject's NIK,
// validates each, and queues the record durably.
type balikanScreen struct {
	back    *lookupScreen
	form    form
	errs    [8]string
	busy    bool
	failure string // the store's failure, shown above the form
	focusAt int    // the body line of the focused field, set by view
}

type enqueueResultMsg struct {
	id  int64
	err error
}

var balikanLabels = [8]i18n.Key{
	i18n.FieldIjazah, i18n.FieldSKPI, i18n.FieldNUPTK, i18n.FieldNITK,
	i18n.FieldScholarship, i18n.FieldSchoolName, i18n.FieldAccreditation, i18n.FieldSchoolAddress,
}

var balikanLimits = [8]int{40, 40, 16, 16, 40, 100, 20, 200}

func newBalikanScreen(m *Model, back *lookupScreen) *balikanScreen {
	s := &balikanScreen{back: back}
	s.form = newForm(balikanLimits[:]...)
	for i := range s.form.inputs {
		s.form.inputs[i].Width = 40
	}
	s.form.inputs[int(ppdb.FieldScholarship)].Placeholder = "KIP,PIP,PKH,KKS,PEMDA,LAINNYA,TIDAK"
	s.form.inputs[int(ppdb.FieldAccreditation)].Placeholder = "A / B / C / TT"
	return s
}

func (s *balikanScreen) title(m *Model) string { return m.T(i18n.TitleBalikan) }

func (s *balikanScreen) help(m *Model) []key.Binding {
	return []key.Binding{m.keys.Save, m.keys.Next, m.keys.Lock, m.keys.Back, m.keys.Prev}
}

func (s *balikanScreen) update(m *Model, msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case enqueueResultMsg:
		return s.queued(m, msg)
	case tea.KeyMsg:
		if s.busy {
			return s, nil
		}
		if key.Matches(msg, m.keys.Back) {
			m.reg.BackToLookup()
			return s.back, nil
		}
		submit, cmd := s.form.update(m, msg)
		if submit {
			return s, s.submit(m)
		}
		return s, cmd
	}
	return s, nil
}

// record builds the normalised record from the form.
func (s *balikanScreen) record(m *Model) ppdb.Balikan {
	b := ppdb.Balikan{NIK: m.reg.SubjectNIK}
	for i, f := range ppdb.BalikanFields {
		b.Set(f, s.form.inputs[i].Value())
	}
	return b.Normalize()
}

// submit normalises the fields in place and validates every one; on
// errors each is shown beside its field and nothing typed is lost. A valid
// record is queued in a command.
func (s *balikanScreen) submit(m *Model) tea.Cmd {
	rec := s.record(m)
	for i, f := range ppdb.BalikanFields {
		s.form.inputs[i].SetValue(rec.Get(f))
	}
	s.errs = [8]string{}
	s.failure = ""
	if errs := rec.Validate(); len(errs) > 0 {
		for _, e := range errs {
			if e.Problem == ppdb.ProblemAllEmpty {
				s.failure = m.T(i18n.BalikanAllEmpty)
				continue
			}
			min, max := e.Field.LengthLimits()
			switch e.Problem {
			case ppdb.ProblemTooShort:
				s.errs[e.Field] = m.T(i18n.BalikanTooShort, min)
			case ppdb.ProblemTooLong:
				s.errs[e.Field] = m.T(i18n.BalikanTooLong, max)
			default:
				s.errs[e.Field] = m.T(balikanProblemMessage(e))
			}
		}
		return nil
	}

	s.busy = true
	be, ctx, operator := m.be, m.ctx, m.operator.ID
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		id, err := be.Enqueue(ctx, rec, operator)
		return enqueueResultMsg{id: id, err: err}
	}
}

func (s *balikanScreen) queued(m *Model, msg enqueueResultMsg) (screen, tea.Cmd) {
	s.busy = false
	if msg.err != nil {
		slog.Error("balikan enqueue failed", "operator", m.operator.ID, "err", msg.err)
		s.failure = m.T(i18n.BalikanStoreFailed)
		return s, nil
	}
	slog.Info("balikan queued", "operator", m.operator.ID, "id", msg.id)
	m.be.Audit(m.ctx, m.operator.ID, "balikan-queued")
	_ = m.reg.BalikanQueued()
	m.wipe()
	for i := range s.form.inputs {
		s.form.inputs[i].SetValue("")
	}
	next, cmd := m.show(newDoneScreen(msg.id))
	return next, tea.Batch(cmd, m.refreshQueue())
}

// focusLine keeps the focused field in view on a short window.
func (s *balikanScreen) focusLine() int { return s.focusAt }

func (s *balikanScreen) view(m *Model, w, h int) string {
	var b strings.Builder
	b.WriteString(m.field(m.T(i18n.LabelBalikanFor), m.reg.SubjectNIK) + "\n")
	if s.failure != "" {
		b.WriteString(m.styles.Error.Render(wrap(s.failure, w)) + "\n")
	}
	if s.busy {
		b.WriteString(m.styles.Muted.Render(m.T(i18n.BalikanSaving)) + "\n")
	}
	for i, in := range s.form.inputs {
		label := m.T(balikanLabels[i])
		if i == s.form.focus {
			s.focusAt = strings.Count(b.String(), "\n")
			label = m.styles.Focus.Render(label)
		} else {
			label = m.styles.Label.Render(label)
		}
		b.WriteString(label + ": " + in.View() + "\n")
		if s.errs[i] != "" {
			b.WriteString(m.styles.Error.Render(wrap("  "+s.errs[i], w)) + "\n")
		}
	}
	return b.String()
}
