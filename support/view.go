package support

import (
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"
	"unicode"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// refreshInterval is how often the view reads a new Snapshot and checks its
// timers.
const refreshInterval = time.Second

// labelWidth fits the longest label ("Kirim akhir") plus one space.
const labelWidth = 12

// endReason records why a session's view ended, so the session handler can
// print it after the view has restored the terminal.
type endReason int

const (
	endNone endReason = iota
	endByUser
	endIdle
	endMaxSession
)

// sessionEnd is shared between a view and its session handler.
type sessionEnd struct {
	mu     sync.Mutex
	reason endReason
}

func (e *sessionEnd) set(r endReason) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.reason = r
}

func (e *sessionEnd) get() endReason {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.reason
}

type styles struct {
	title lipgloss.Style
	label lipgloss.Style
	warn  lipgloss.Style
	alert lipgloss.Style
	help  lipgloss.Style
}

// newStyles builds the view's styles on the session's renderer, so colours
// follow the SSH client's terminal and not the kiosk's. Only bold, faint and
// the eight basic colours are used, which read on any background.
func newStyles(r *lipgloss.Renderer) styles {
	return styles{
		title: r.NewStyle().Bold(true),
		label: r.NewStyle().Faint(true),
		warn:  r.NewStyle().Foreground(lipgloss.Color("3")),
		alert: r.NewStyle().Foreground(lipgloss.Color("1")).Bold(true),
		help:  r.NewStyle().Faint(true),
	}
}

type tickMsg time.Time

type snapshotMsg struct {
	snapshot Snapshot
	ok       bool
}

// model is the support view: a read-only status page refreshed every second.
// It ends itself after idleTimeout without a key press and after maxSession.
type model struct {
	snapshot SnapshotFunc
	text     catalog
	styles   styles
	logger   *slog.Logger
	end      *sessionEnd

	idleTimeout time.Duration
	maxSession  time.Duration
	started     time.Time
	lastKey     time.Time

	// width and height are the window size, 40x12 until the first
	// WindowSizeMsg arrives.
	width  int
	height int

	current    Snapshot
	snapshotOK bool
}

func newModel(cfg Config, snap SnapshotFunc, st styles, end *sessionEnd) *model {
	now := time.Now()
	return &model{
		snapshot:    snap,
		text:        catalogs[cfg.Lang],
		styles:      st,
		logger:      cfg.Logger,
		end:         end,
		idleTimeout: cfg.IdleTimeout,
		maxSession:  cfg.MaxSession,
		started:     now,
		lastKey:     now,
		width:       40,
		height:      12,
	}
}

func (m *model) Init() tea.Cmd {
	return tea.Batch(m.fetch, tick())
}

func tick() tea.Cmd {
	return tea.Tick(refreshInterval, func(t time.Time) tea.Msg { return tickMsg(t) })
}

// fetch calls the kiosk's SnapshotFunc outside Update. A panic in it is
// logged and shown as "status unavailable" rather than ending the session.
func (m *model) fetch() (msg tea.Msg) {
	defer func() {
		if r := recover(); r != nil {
			// The panic value is not logged because it could carry whatever
			// the kiosk was holding. Its type is enough to start looking.
			m.logger.Error("support: snapshot function panicked", "panic_type", fmt.Sprintf("%T", r))
			msg = snapshotMsg{ok: false}
		}
	}()
	return snapshotMsg{snapshot: m.snapshot(), ok: true}
}

func (m *model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		return m, nil

	case tea.KeyMsg:
		m.lastKey = time.Now()
		switch msg.String() {
		case "q", "ctrl+c":
			m.end.set(endByUser)
			return m, tea.Quit
		}
		return m, nil

	case tickMsg:
		now := time.Time(msg)
		if now.Sub(m.lastKey) >= m.idleTimeout {
			m.end.set(endIdle)
			return m, tea.Quit
		}
		if now.Sub(m.started) >= m.maxSession {
			m.end.set(endMaxSession)
			return m, tea.Quit
		}
		return m, tea.Batch(m.fetch, tick())

	case snapshotMsg:
		m.snapshotOK = msg.ok
		if msg.ok {
			m.current = msg.snapshot
		}
		return m, nil
	}
	return m, nil
}

func (m *model) View() string {
	return clampToWindow(m.render(time.Now()), m.width, m.height)
}

// render lays out the status lines, then as many log events as fit above the
// help line.
func (m *model) render(now time.Time) []string {
	t, st, s := m.text, m.styles, m.current

	title := fmt.Sprintf(t.title, orUnknown(clean(s.Version), t))
	if !s.StartedAt.IsZero() {
		title += " · " + fmt.Sprintf(t.uptime, now.Sub(s.StartedAt).Truncate(time.Second))
	}
	lines := []string{st.title.Render(title)}
	if !m.snapshotOK {
		lines = append(lines, st.alert.Render(t.snapshotErr))
	}

	operator := t.signedOut
	if s.OperatorSignedIn {
		operator = fmt.Sprintf(t.signedIn, orUnknown(clean(s.OperatorID), t))
	}
	lines = append(lines,
		m.row(t.operator, operator),
		m.row(t.screen, orUnknown(clean(s.Screen), t)),
		m.row(t.reader, orUnknown(clean(s.ReaderState), t)),
		m.row(t.gateway, orUnknown(clean(s.GatewayState), t)),
		m.row(t.database, orUnknown(clean(s.DatabaseState), t)),
		m.row(t.queue, fmt.Sprintf(t.queueWaiting, s.Queue.Pending, s.Queue.Sending)),
		m.row("", fmt.Sprintf(t.queueDone, s.Queue.Delivered, s.Queue.Exported)),
		m.row(t.lastDelivery, formatEventTime(s.Queue.LastDelivery, now, t.never)),
		m.row(t.quota, m.quotaText()),
	)

	help := st.help.Render(t.quitHelp)

	// One row stays free below the help line: a view exactly as tall as the
	// window can scroll the first line away in some terminals.
	free := m.height - 1 - len(lines) - 1
	if free >= 2 {
		lines = append(lines, st.title.Render(t.events))
		lines = append(lines, m.eventLines(free-1, now)...)
	}
	return append(lines, help)
}

func (m *model) row(label, value string) string {
	padded := label + strings.Repeat(" ", max(labelWidth-ansi.StringWidth(label), 1))
	return m.styles.label.Render(padded) + value
}

// quotaText colours the hit count from 80% of the limit, where the kiosk
// starts warning the operator, and in red at the limit.
func (m *model) quotaText() string {
	q := m.current.Quota
	text := fmt.Sprintf(m.text.quotaUsed, q.Used, q.Limit)
	if q.GatewayRemaining >= 0 {
		text += fmt.Sprintf(m.text.quotaGateway, q.GatewayRemaining)
	}
	switch {
	case q.Limit > 0 && q.Used >= q.Limit:
		return m.styles.alert.Render(text)
	case q.Limit > 0 && q.Used*5 >= q.Limit*4:
		return m.styles.warn.Render(text)
	}
	return text
}

// eventLines returns the newest events that fit in n rows, oldest first.
func (m *model) eventLines(n int, now time.Time) []string {
	events := m.current.Events
	if len(events) == 0 {
		return []string{m.styles.help.Render(m.text.noEvents)}
	}
	if len(events) > n {
		events = events[len(events)-n:]
	}
	lines := make([]string, 0, len(events))
	for _, e := range events {
		level := fmt.Sprintf("%-5s", e.Level.String())
		if e.Level >= slog.LevelError {
			level = m.styles.alert.Render(level)
		} else if e.Level >= slog.LevelWarn {
			level = m.styles.warn.Render(level)
		}
		lines = append(lines, formatEventTime(e.Time, now, "--:--:--")+" "+level+" "+clean(e.Message))
	}
	return lines
}

// formatEventTime shows the clock time for today and the date for older times.
func formatEventTime(t, now time.Time, zero string) string {
	if t.IsZero() {
		return zero
	}
	t = t.In(now.Location())
	if y, m, d := t.Date(); y == now.Year() && m == now.Month() && d == now.Day() {
		return t.Format("15:04:05")
	}
	return t.Format("02 Jan 15:04")
}

// clampToWindow cuts every line to the window's width and drops lines so the
// view stays at least one row shorter than the window.
func clampToWindow(lines []string, width, height int) string {
	if width < 1 || height < 2 {
		return ""
	}
	if len(lines) > height-1 {
		lines = lines[:height-1]
	}
	for i, line := range lines {
		if ansi.StringWidth(line) > width {
			lines[i] = ansi.Truncate(line, width, "…")
		}
	}
	return strings.Join(lines, "\n")
}

// clean makes kiosk-supplied text safe to print: escape sequences are removed
// and other control characters become spaces, so a state text or log message
// cannot move the cursor or retitle the technician's terminal.
func clean(s string) string {
	s = ansi.Strip(s)
	return strings.Map(func(r rune) rune {
		if unicode.IsPrint(r) {
			return r
		}
		return ' '
	}, s)
}

func orUnknown(s string, t catalog) string {
	if strings.TrimSpace(s) == "" {
		return t.unknown
	}
	return s
}
