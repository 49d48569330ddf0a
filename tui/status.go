package tui

import (
	"github.com/disdikbud/kiosk/store"
)

// Status is the kiosk's state as the SSH support view shows it, outside
// the operator's screen. It carries no population data: only the
// operator's account ID, the screen's name and the parts' states.
type Status struct {
	OperatorID string // empty when no operator is signed in
	Screen     string // the screen's title, never its contents
	Reader     string
	Gateway    string
	Store      string
	Queue      store.QueueStats
}

// Status returns the state as of the last update. It is safe to call from
// any goroutine.
func (m *Model) Status() Status {
	if s := m.status.Load(); s != nil {
		return *s
	}
	return Status{}
}

// publishStatus stores the state for Status; Update calls it after every
// message, on the program's goroutine.
func (m *Model) publishStatus() {
	s := Status{
		Screen:  m.screen.title(m),
		Reader:  m.readerText(),
		Gateway: m.partText(PartGateway),
		Store:   m.partText(PartStore),
		Queue:   m.queue,
	}
	if m.operator != nil {
		s.OperatorID = m.operator.ID
	}
	m.status.Store(&s)
}
