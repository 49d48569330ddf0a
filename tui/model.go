// Package tui is the kiosk's terminal interface: a root model that routes
// between one small model per screen, one key map, one style sheet and the
// message catalog. Screens do no I/O in Update; every call to the reader,
// the gateway or the store runs in a tea.Cmd.
package tui

import (
	"context"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/disdikbud/kiosk/device"
	"github.com/disdikbud/kiosk/ppdb"
	"github.com/disdikbud/kiosk/store"
	"github.com/disdikbud/kiosk/tui/i18n"
)

// screen is one page of the kiosk. update returns the screen to show next,
// which may be itself.
type screen interface {
	update(m *Model, msg tea.Msg) (screen, tea.Cmd)
	view(m *Model, width, height int) string
	title(m *Model) string
	help(m *Model) []key.Binding
}

// partState is the state of one backend part, for the status bar.
type partState struct {
	up  bool
	err error
}

// Model is the root model. It owns the one registration in progress and
// wipes it at the end, on idle timeout and on lock.
type Model struct {
	cat      i18n.Catalog
	keys     keyMap
	styles   styles
	helpView help.Model
	opts     Options
	be       Backend

	width, height int

	screen   screen
	reg      *ppdb.Registration
	operator *store.Operator

	parts       [partCount]partState
	partReports chan partMsg
	readerState device.EventKind
	// gatewayDown is set when the last gateway call could not reach it,
	// and cleared by the next response. Lookups are still allowed.
	gatewayDown bool
	cardPresent bool
	queue       store.QueueStats

	status atomic.Pointer[Status] // for the SSH support view

	scroll     int    // first body line shown when the body is taller than the window
	lastScreen screen // to reset scroll when the screen changes

	lastInput time.Time
	notice    i18n.Key // one-line message above the body, cleared by the next key
	// staleCard is set when a registration ends with its card still on the
	// reader; that card is not read again for the next applicant.
	staleCard bool

	ctx    context.Context
	cancel context.CancelFunc
}

// New returns the root model. The backend starts after the first frame.
func New(be Backend, lang i18n.Lang, opts Options, renderer *lipgloss.Renderer) *Model {
	opts.setDefaults()
	if renderer == nil {
		renderer = lipgloss.DefaultRenderer()
	}
	ctx, cancel := context.WithCancel(context.Background())
	m := &Model{
		be:          be,
		opts:        opts,
		styles:      newStyles(renderer),
		helpView:    help.New(),
		reg:         ppdb.NewRegistration(),
		partReports: make(chan partMsg, 8),
		lastInput:   opts.Now(),
		ctx:         ctx,
		cancel:      cancel,
		width:       80,
		height:      24,
	}
	m.setLang(lang)
	m.screen = newIdleScreen()
	return m
}

func (m *Model) setLang(lang i18n.Lang) {
	m.cat = i18n.New(lang)
	m.keys = newKeyMap(m.cat)
}

// T is shorthand for the catalog.
func (m *Model) T(key i18n.Key, args ...any) string { return m.cat.T(key, args...) }

func (m *Model) Init() tea.Cmd {
	return tea.Batch(m.startBackend(), waitPart(m.partReports), tick())
}

func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.update(msg)
	m.publishStatus()
	return m, cmd
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.helpView.Width = msg.Width
		return nil

	case tea.KeyMsg:
		m.lastInput = m.opts.Now()
		if cmd, handled := m.globalKey(msg); handled {
			return cmd
		}
		m.notice = ""
		if m.tooSmall() && msg.String() != "ctrl+c" {
			return nil // the screen is hidden, so its keys would act blind
		}

	case tickMsg:
		cmds := []tea.Cmd{m.checkIdle(), tick()}
		if time.Time(msg).Second()%2 == 0 {
			cmds = append(cmds, m.refreshQueue())
		}
		return tea.Batch(cmds...)

	case partMsg:
		return m.partUp(msg)

	case deviceEventMsg:
		return m.deviceEvent(msg)

	case queueStatsMsg:
		if msg.err == nil {
			m.queue = msg.stats
		}
		return nil
	}

	next, cmd := m.screen.update(m, msg)
	m.screen = next
	if m.screen != m.lastScreen {
		m.scroll, m.lastScreen = 0, m.screen
	}
	return cmd
}

// show switches to s and returns the command s needs on arrival, if any.
func (m *Model) show(s screen) (screen, tea.Cmd) {
	if a, ok := s.(interface{ enter(*Model) tea.Cmd }); ok {
		return s, a.enter(m)
	}
	return s, nil
}

// wipe ends the registration in progress: the data go from memory and the
// next applicant starts at the card.
func (m *Model) wipe() {
	m.reg.Wipe()
	m.staleCard = m.cardPresent
}

// lock wipes the registration and signs the operator out.
func (m *Model) lock(reason i18n.Key) {
	if m.operator != nil {
		m.be.Audit(m.ctx, m.operator.ID, "lock")
		slog.Info("kiosk locked", "operator", m.operator.ID, "reason", string(reason))
	}
	m.wipe()
	m.operator = nil
	m.notice = reason
	m.screen = newIdleScreen()
}

// Close stops the background work and closes the backend.
func (m *Model) Close() error {
	m.wipe()
	m.cancel()
	return m.be.Close()
}
