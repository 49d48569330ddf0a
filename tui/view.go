package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/disdikbud/kiosk/device"
	"github.com/disdikbud/kiosk/tui/i18n"
)

// Smallest window every screen fits in; below it the kiosk says so.
const (
	minWidth  = 40
	minHeight = 12
)

func (m *Model) View() string {
	w, h := m.width, m.height
	if w < minWidth || h < minHeight {
		return clamp(m.T(i18n.TooSmall, minWidth, minHeight, w, h), w, h)
	}

	header := m.header(w)
	banner := m.banner(w)
	status := m.styles.Status.Render(padRight(m.statusLine(), w))
	helpLine := m.helpView.ShortHelpView(m.screen.help(m))

	fixed := 3 // header, status, help
	if banner != "" {
		fixed++
	}
	body := m.screen.view(m, w, h-fixed)
	bodyLines := strings.Split(body, "\n")
	for len(bodyLines) < h-fixed {
		bodyLines = append(bodyLines, "")
	}
	bodyLines = bodyLines[:h-fixed]

	lines := []string{header}
	if banner != "" {
		lines = append(lines, banner)
	}
	lines = append(lines, bodyLines...)
	lines = append(lines, status, helpLine)
	return clamp(strings.Join(lines, "\n"), w, h)
}

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
		return m.styles.Banner.Render(padRight(m.T(i18n.IdleCountdown, secs), w))
	}
	if m.notice != "" {
		return m.styles.Warning.Render(m.notice)
	}
	return ""
}

func (m *Model) statusLine() string {
	parts := []string{
		m.T(i18n.StatusReader, m.readerText()),
		m.T(i18n.StatusGateway, m.partText(PartGateway)),
		m.T(i18n.StatusQueue, m.queue.Pending+m.queue.Sending),
	}
	if !m.queue.LastDelivery.IsZero() {
		parts = append(parts, m.T(i18n.StatusLastDelivery, m.queue.LastDelivery.Local().Format("15:04")))
	}
	if m.parts[PartGateway].up {
		q := m.be.Quota()
		if q.Limit > 0 {
			parts = append(parts, m.T(i18n.StatusQuota, q.Limit-q.Used, q.Limit))
		}
	}
	if !m.parts[PartStore].up {
		parts = append(parts, m.T(i18n.StatusStore, m.partText(PartStore)))
	}
	return " " + strings.Join(parts, " · ")
}

func (m *Model) partText(p Part) string {
	s := m.parts[p]
	switch {
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
