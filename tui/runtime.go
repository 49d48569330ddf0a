package tui

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/disdikbud/kiosk/device"
	"github.com/disdikbud/kiosk/store"
	"github.com/disdikbud/kiosk/tui/i18n"
)

type tickMsg time.Time

// tick drives the idle timer and the countdown, once a second.
func tick() tea.Cmd {
	return tea.Tick(time.Second, func(t time.Time) tea.Msg { return tickMsg(t) })
}

type partMsg struct {
	part Part
	err  error
	done bool // the backend finished starting
}

type deviceEventMsg struct {
	event device.Event
	ok    bool // false once the reader closed its event channel
}

type queueStatsMsg struct {
	stats store.QueueStats
	err   error
}

func (m *Model) startBackend() tea.Cmd {
	reports := m.partReports
	be, ctx := m.be, m.ctx
	return func() tea.Msg {
		go func() {
			be.Start(ctx, func(p Part, err error) { reports <- partMsg{part: p, err: err} })
			reports <- partMsg{done: true}
		}()
		return nil
	}
}

func waitPart(reports <-chan partMsg) tea.Cmd {
	return func() tea.Msg { return <-reports }
}

func waitDevice(events <-chan device.Event) tea.Cmd {
	return func() tea.Msg {
		ev, ok := <-events
		return deviceEventMsg{event: ev, ok: ok}
	}
}

func (m *Model) partUp(msg partMsg) tea.Cmd {
	if msg.done {
		return m.refreshQueue()
	}
	m.parts[msg.part] = partState{up: msg.err == nil, err: msg.err}
	if msg.err != nil {
		slog.Error("backend part failed to start", "part", int(msg.part), "err", msg.err)
	}
	cmds := []tea.Cmd{waitPart(m.partReports)}
	if msg.part == PartReader && msg.err == nil {
		cmds = append(cmds, waitDevice(m.be.Reader().Events()))
	}
	return tea.Batch(cmds...)
}

// deviceEvent keeps the reader state for the status bar and passes the
// event on to the screen, which may start a read.
func (m *Model) deviceEvent(msg deviceEventMsg) tea.Cmd {
	if !msg.ok {
		m.parts[PartReader] = partState{err: errors.New("reader closed")}
		return nil
	}
	ev := msg.event
	switch ev.Kind {
	case device.CardInserted:
		m.cardPresent = true
		m.staleCard = false
	case device.CardRemoved:
		m.cardPresent = false
		m.staleCard = false
	case device.ServiceDown:
		m.parts[PartReader] = partState{err: device.ErrServiceDown}
	case device.ServiceUp:
		m.parts[PartReader] = partState{up: true}
	}
	m.readerState = ev.Kind
	next, cmd := m.screen.update(m, msg)
	m.screen = next
	return tea.Batch(cmd, waitDevice(m.be.Reader().Events()))
}

func (m *Model) refreshQueue() tea.Cmd {
	if !m.parts[PartStore].up {
		return nil
	}
	be, ctx := m.be, m.ctx
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		stats, err := be.QueueStats(ctx)
		return queueStatsMsg{stats: stats, err: err}
	}
}

// globalKey handles the keys that work on every screen. Ctrl+C and Ctrl+Z
// arrive as keys in raw mode: outside the demo, leaving the kiosk needs
// the supervisor PIN and suspending it is not possible.
func (m *Model) globalKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	switch {
	case msg.String() == "ctrl+z":
		if m.opts.Demo {
			return tea.Suspend, true
		}
		return nil, true
	case key.Matches(msg, m.keys.Quit):
		if m.opts.Demo {
			m.wipe()
			return tea.Quit, true
		}
		if _, already := m.screen.(*supervisorAuthScreen); !already {
			m.screen = newSupervisorAuthScreen(m.screen, purposeQuit)
		}
		return nil, true
	case key.Matches(msg, m.keys.Lock):
		if m.operator != nil {
			m.lock(i18n.NoticeLocked)
		}
		return nil, true
	case msg.String() == "pgdown":
		m.scroll += max(1, m.height/2)
		return nil, true
	case msg.String() == "pgup":
		m.scroll = max(0, m.scroll-max(1, m.height/2))
		return nil, true
	case key.Matches(msg, m.keys.Language):
		if m.cat.Lang() == i18n.Indonesian {
			m.setLang(i18n.English)
		} else {
			m.setLang(i18n.Indonesian)
		}
		return nil, true
	}
	return nil, false
}

// idleLeft returns how long until the idle timeout locks the kiosk, and
// whether the timer runs at all (only while an operator is signed in).
func (m *Model) idleLeft() (time.Duration, bool) {
	if m.operator == nil {
		return 0, false
	}
	return m.opts.IdleTimeout - m.opts.Now().Sub(m.lastInput), true
}

func (m *Model) checkIdle() tea.Cmd {
	left, running := m.idleLeft()
	if running && left <= 0 {
		m.lock(i18n.NoticeIdleLocked)
		return m.refreshQueue()
	}
	return nil
}
