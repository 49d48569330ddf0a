package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/disdikbud/kiosk/device"
	"github.com/disdikbud/kiosk/tui/i18n"
)

// Smallest window every screen fits in. Below it the kiosk shows a message instead.
const (
	minWidth  = 40
	minHeight = 12
)

func (m *Model) View() string {
	w, h := m.width, m.height
	if m.tooSmall() {
		return clamp(ansi.Wordwrap(m.T(i18n.TooSmall, minWidth, minHeight, w, h), w, ""), w, h)
	}

	header := m.header(w)
	banner := m.banner(w)
	status := m.styles.Status.Render(padRight(m.statusLine(w), w))
	helpLine := m.helpView.ShortHelpView(m.screen.help(m))

	fixed := 3 // header, status, help
	if banner != "" {
		fixed++
	}
	bodyLines := m.bodyLines(w, h-fixed)

	lines := []string{header}
	if banner != "" {
		lines = append(lines, banner)
	}
	lines = append(lines, bodyLines...)
	lines = append(lines, status, helpLine)
	return clamp(strings.Join(lines, "\n"), w, h)
}

// bodyLines renders the screen into exactly n lines. A body taller than
// that scrolls: to keep the focused field in view when the screen has one,
// and otherwise with PgUp and PgDn, with a marker on the last line.
func (m *Model) bodyLines(w, n int) []string {
	lines := strings.Split(strings.TrimRight(m.screen.view(m, w, n), "\n"), "\n")
	if len(lines) <= n {
		for len(lines) < n {
			lines = append(lines, "")
		}
		return lines
	}

	maxOffset := len(lines) - n
	offset := m.scroll
	if f, ok := m.screen.(interface{ focusLine() int }); ok {
		focus := f.focusLine()
		offset = max(0, min(maxOffset, focus-n/2))
	}
	offset = max(0, min(maxOffset, offset))
	m.scroll = offset

	window := append([]string(nil), lines[offset:offset+n]...)
	if offset < maxOffset {
		window[n-1] = m.styles.Muted.Render(m.T(i18n.ScrollMore))
	}
	return window
}

func (m *Model) tooSmall() bool { return m.width < minWidth || m.height < minHeight }

func (m *Model) header(w int) string {
	left := m.T(i18n.AppTitle) + " · " + m.screen.title(m)
	right := ""
	if m.operator != nil {
		right = m.T(i18n.OperatorTag, m.operator.ID)
	}
	if m.opts.Demo {
		right = strings.TrimSpace(right + " " + m.T(i18n.DemoTag))
	}
	gap := w - ansi.StringWidth(left) - ansi.StringWidth(right) - 2
	if gap < 1 {
		return m.styles.Title.Render(ansi.Truncate(left, w-2, "…"))
	}
	return m.styles.Title.Render(left + strings.Repeat(" ", gap) + right)
}

// banner is the line above the body: the idle countdown wins over a notice.
func (m *Model) banner(w int) string {
	if left, running := m.idleLeft(); running && left <= m.opts.IdleWarning {
		secs := int(left.Seconds() + 0.999)
		if secs < 0 {
			secs = 0
		}
		return m.styles.Banner.Render(padRight(ansi.Truncate(m.T(i18n.IdleCountdown, secs), w, "…"), w))
	}
	if m.notice != "" {
		return m.styles.Warning.Render(ansi.Truncate(m.T(m.notice), w, "…"))
	}
	return ""
}

// statusLine lists the parts' states in order of importance. On a narrow
// window the states shrink to marks and the items that still do not fit
// are left out whole, never cut in the middle.
func (m *Model) statusLine(w int) string {
	if full := " " + strings.Join(m.statusItems(false), " · "); ansi.StringWidth(full) <= w {
		return full
	}
	line := ""
	for _, item := range m.statusItems(true) {
		next := line + " · " + item
		if line == "" {
			next = " " + item
		}
		if ansi.StringWidth(next) > w {
			break
		}
		line = next
	}
	return line
}

func (m *Model) statusItems(compact bool) []string {
	state := m.partText
	reader := m.readerText()
	if compact {
		state = m.partMark
		reader = m.partMark(PartReader)
	}
	items := []string{}
	if !m.parts[PartStore].up {
		items = append(items, m.T(i18n.StatusStore, state(PartStore)))
	}
	items = append(items,
		m.T(i18n.StatusReader, reader),
		m.T(i18n.StatusGateway, state(PartGateway)),
		m.T(i18n.StatusQueue, m.queue.Pending+m.queue.Sending),
	)
	if m.parts[PartGateway].up {
		if q := m.be.Quota(); q.Limit > 0 {
			items = append(items, m.T(i18n.StatusQuota, q.Limit-q.Used, q.Limit))
		}
	}
	if !m.queue.LastDelivery.IsZero() {
		items = append(items, m.T(i18n.StatusLastDelivery, m.queue.LastDelivery.Local().Format("15:04")))
	}
	return items
}

// partMark is a part's state as one mark: ✓ up, ✗ down, … starting.
func (m *Model) partMark(p Part) string {
	s := m.parts[p]
	switch {
	case p == PartGateway && s.up && m.gatewayDown:
		return "✗"
	case s.up:
		return "✓"
	case s.err != nil:
		return "✗"
	}
	return "…"
}

func (m *Model) partText(p Part) string {
	s := m.parts[p]
	switch {
	case p == PartGateway && s.up && m.gatewayDown:
		return m.T(i18n.StateUnreachable)
	case s.up:
		return m.T(i18n.StateUp)
	case s.err != nil:
		return m.T(i18n.StateDown)
	}
	return m.T(i18n.StateStarting)
}

func (m *Model) readerText() string {
	if !m.parts[PartReader].up {
		return m.partText(PartReader)
	}
	if m.cardPresent {
		return m.T(i18n.StateCardPresent)
	}
	if m.readerState == device.ReaderRemoved {
		return m.T(i18n.StateNoReader)
	}
	return m.T(i18n.StateUp)
}

// clamp cuts every line to w cells and the whole view to h lines, because a
// view wider or taller than the window mis-renders.
func clamp(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > w {
			lines[i] = ansi.Truncate(l, w, "")
		}
	}
	return strings.Join(lines, "\n")
}

func padRight(s string, w int) string {
	if n := ansi.StringWidth(s); n < w {
		return s + strings.Repeat(" ", w-n)
	}
	return ansi.Truncate(s, w, "")
}

// wrap breaks plain text into lines of at most w cells.
func wrap(s string, w int) string {
	if w < 10 {
		w = 10
	}
	return ansi.Wordwrap(s, w, "")
}

// field renders "label: value" with the label in the label style.
func (m *Model) field(label, value string) string {
	return fmt.Sprintf("%s %s", m.styles.Label.Render(label+":"), value)
}
