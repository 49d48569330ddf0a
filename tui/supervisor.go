package tui

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/disdikbud/kiosk/tui/i18n"
)

// supervisorScreen shows the queue, the delivery state and the semester's
// usage report, and exports pending balikan records to a file. Only a
// supervisor reaches it, from the idle screen.
type supervisorScreen struct {
	sup    Supervision
	usage  *UsageSummary
	err    string
	result string

	exporting bool
	report    bool // the path being typed is for the semester report, not balikan
	path      textinput.Model
	busy      bool
}

type usageMsg struct {
	usage UsageSummary
	err   error
}

type exportMsg struct {
	path   string
	count  int
	report bool
	err    error
}

func newSupervisorScreen(sup Supervision) *supervisorScreen {
	in := newInput(200)
	in.Width = 50
	return &supervisorScreen{sup: sup, path: in}
}

func (s *supervisorScreen) enter(m *Model) tea.Cmd {
	sup, ctx, now := s.sup, m.ctx, m.opts.Now()
	return tea.Batch(m.refreshQueue(), func() tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		u, err := sup.Usage(ctx, now)
		return usageMsg{usage: u, err: err}
	})
}

func (s *supervisorScreen) title(m *Model) string { return m.T(i18n.TitleSupervisor) }

func (s *supervisorScreen) help(m *Model) []key.Binding {
	if s.exporting {
		return []key.Binding{m.keys.Enter, m.keys.Back}
	}
	sk := supervisorKeyMap(m)
	return []key.Binding{sk.ExportXLSX, sk.ExportCSV, sk.Report, sk.Accounts, sk.DeliverNow, m.keys.Back}
}

func (s *supervisorScreen) update(m *Model, msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case usageMsg:
		if msg.err != nil {
			s.err = m.T(i18n.SupervisorUsageFailed)
			return s, nil
		}
		s.usage = &msg.usage
	case exportMsg:
		s.busy = false
		if msg.err != nil {
			s.err = m.T(i18n.ExportFailed, msg.path, msg.err.Error())
			return s, nil
		}
		s.exporting = false
		if msg.report {
			s.result = m.T(i18n.ReportWritten, msg.path)
			m.be.Audit(m.ctx, m.operator.ID, "report-exported")
			return s, nil
		}
		if msg.count == 0 {
			s.result = m.T(i18n.ExportNothing)
			return s, nil
		}
		s.result = m.T(i18n.ExportDone, msg.count, msg.path)
		m.be.Audit(m.ctx, m.operator.ID, "balikan-exported")
		return s, m.refreshQueue()
	case tea.KeyMsg:
		if s.busy {
			return s, nil
		}
		if s.exporting {
			return s, s.pathKey(m, msg)
		}
		return s.menuKey(m, msg)
	}
	return s, nil
}

func (s *supervisorScreen) menuKey(m *Model, msg tea.KeyMsg) (screen, tea.Cmd) {
	sk := supervisorKeyMap(m)
	switch {
	case key.Matches(msg, m.keys.Back):
		m.operator = nil
		return newIdleScreen(), nil
	case key.Matches(msg, sk.ExportXLSX), key.Matches(msg, sk.ExportCSV):
		ext := ".xlsx"
		if key.Matches(msg, sk.ExportCSV) {
			ext = ".csv"
		}
		name := "balikan-" + m.opts.Now().Format("20060102-150405") + ext
		return s, s.askPath(filepath.Join(s.sup.ExportDir(), name), false)
	case key.Matches(msg, sk.Report):
		name := "laporan-" + m.opts.Now().Format("20060102-150405") + ".csv"
		return s, s.askPath(filepath.Join(s.sup.ExportDir(), name), true)
	case key.Matches(msg, sk.Accounts):
		return m.show(newAccountsScreen(s.sup, s))
	case key.Matches(msg, sk.DeliverNow):
		s.sup.DeliverNow()
		s.result = m.T(i18n.DeliverNowStarted)
		return s, m.refreshQueue()
	}
	return s, nil
}

// askPath starts typing the target file, prefilled with path.
func (s *supervisorScreen) askPath(path string, report bool) tea.Cmd {
	s.path.SetValue(path)
	s.path.CursorEnd()
	s.path.Focus()
	s.exporting, s.report, s.err, s.result = true, report, "", ""
	return textinput.Blink
}

// pathKey edits the export path; Enter confirms and writes the file.
func (s *supervisorScreen) pathKey(m *Model, msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Back):
		s.exporting, s.err = false, ""
		return nil
	case key.Matches(msg, m.keys.Enter):
		path := strings.TrimSpace(s.path.Value())
		ext := strings.ToLower(filepath.Ext(path))
		if ext != ".csv" && (s.report || ext != ".xlsx") {
			s.err = m.T(i18n.ExportBadName)
			if s.report {
				s.err = m.T(i18n.ReportBadName)
			}
			return nil
		}
		s.busy, s.err = true, ""
		sup, ctx, report, now := s.sup, m.ctx, s.report, m.opts.Now()
		return func() tea.Msg {
			ctx, cancel := context.WithTimeout(ctx, time.Minute)
			defer cancel()
			if report {
				return exportMsg{path: path, report: true, err: sup.ExportReport(ctx, path, now)}
			}
			n, err := sup.Export(ctx, path)
			return exportMsg{path: path, count: n, err: err}
		}
	}
	var cmd tea.Cmd
	s.path, cmd = s.path.Update(msg)
	return cmd
}

func (s *supervisorScreen) view(m *Model, w, h int) string {
	var b strings.Builder
	q := m.queue
	b.WriteString(m.field(m.T(i18n.LabelQueue), m.T(i18n.QueueCounts, q.Pending+q.Sending, q.Delivered, q.Exported)) + "\n")
	if !q.LastDelivery.IsZero() {
		b.WriteString(m.field(m.T(i18n.LabelLastDelivery), q.LastDelivery.Local().Format("02-01-2006 15:04")) + "\n")
	}
	if d := s.sup.Delivery(); d.LastError != "" && q.Pending+q.Sending > 0 {
		b.WriteString(m.styles.Warning.Render(wrap(m.T(i18n.DeliveryFailing), w)) + "\n")
	}
	if quota := m.be.Quota(); quota.Limit > 0 {
		b.WriteString(m.field(m.T(i18n.LabelQuotaToday), fmt.Sprintf("%d/%d", quota.Used, quota.Limit)) + "\n")
	}

	if s.exporting {
		s.path.Width = max(10, w-2)
		b.WriteString("\n" + wrap(m.T(i18n.ExportPrompt), w) + "\n")
		b.WriteString(s.path.View() + "\n")
	}
	if s.busy {
		b.WriteString(m.styles.Muted.Render(m.T(i18n.ExportBusy)) + "\n")
	}
	if s.result != "" {
		b.WriteString("\n" + m.styles.OK.Render(wrap(s.result, w)) + "\n")
	}
	if s.err != "" {
		b.WriteString("\n" + m.styles.Error.Render(wrap(s.err, w)) + "\n")
	}
	if s.usage != nil && !s.exporting {
		b.WriteString("\n" + usageView(m, s.usage, w))
	}
	return b.String()
}

// supervisorKeys are the keys of the supervisor's menu and the idle
// screen's key that opens it.
type supervisorKeys struct {
	Open, ExportXLSX, ExportCSV, Report, Accounts, DeliverNow key.Binding
}

func supervisorKeyMap(m *Model) supervisorKeys {
	b := func(k string, help i18n.Key) key.Binding {
		return key.NewBinding(key.WithKeys(k), key.WithHelp(k, m.T(help)))
	}
	return supervisorKeys{
		Open:       b("s", i18n.KeySupervisor),
		ExportXLSX: b("x", i18n.KeyExportXLSX),
		ExportCSV:  b("c", i18n.KeyExportCSV),
		Report:     b("l", i18n.KeyReport),
		Accounts:   b("o", i18n.KeyAccounts),
		DeliverNow: b("k", i18n.KeyDeliverNow),
	}
}

// usageView renders the semester report: hits per month, per operator and
// the outcomes, as the agreement's semester report requires.
func usageView(m *Model, u *UsageSummary, w int) string {
	var b strings.Builder
	b.WriteString(m.styles.Label.Render(m.T(i18n.UsageTitle, u.Semester, u.Hits)) + "\n")
	var months []string
	for _, mh := range u.ByMonth {
		months = append(months, fmt.Sprintf("%02d:%d", int(mh.Month), mh.Hits))
	}
	b.WriteString(wrap(m.T(i18n.UsageMonths, strings.Join(months, "  ")), w) + "\n")
	b.WriteString(wrap(m.T(i18n.UsageOperators, joinCounts(u.ByOperator)), w) + "\n")
	outcomes := make(map[string]int, len(u.ByOutcome))
	for name, n := range u.ByOutcome {
		outcomes[m.cat.OutcomeName(name)] += n
	}
	b.WriteString(wrap(m.T(i18n.UsageOutcomes, joinCounts(outcomes)), w) + "\n")
	return b.String()
}

func joinCounts(counts map[string]int) string {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, counts[k])
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, ", ")
}
