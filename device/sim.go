package device

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// SimCard is a card for the Simulator: the biodata it returns, or the fault
// its read fails with. NoMatchAttempts is how many fingerprint attempts
// fail before the SimMatcher matches; a negative value never matches.
type SimCard struct {
	Label           string // shown in the demo's card list, never personal data
	Biodata         Biodata
	Fault           error
	NoMatchAttempts int
}

// Simulator is a Reader without hardware: the demo and the TUI tests put
// cards on it with Insert and take them off with Remove.
type Simulator struct {
	ReadDelay time.Duration // how long a read takes, to show the progress screen

	mu      sync.Mutex
	present *SimCard
	events  chan Event
	closed  bool
}

// NewSimulator returns a simulator with its reader and SAM already attached.
func NewSimulator() *Simulator {
	s := &Simulator{events: make(chan Event, 16)}
	s.events <- Event{Kind: ServiceUp}
	s.events <- Event{Kind: ReaderAdded, Reader: "Simulated PCD"}
	return s
}

func (s *Simulator) Events() <-chan Event { return s.events }

// Insert puts c on the reader, replacing any card already there.
func (s *Simulator) Insert(c SimCard) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return
	}
	s.present = &c
	s.send(Event{Kind: CardInserted, Reader: "Simulated PCD"})
}

// Remove takes the card off the reader.
func (s *Simulator) Remove() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed || s.present == nil {
		return
	}
	s.present = nil
	s.send(Event{Kind: CardRemoved, Reader: "Simulated PCD"})
}

// send drops the event when no reader is waiting for it, as a real reader would
// rather lose a notification than block.
func (s *Simulator) send(e Event) {
	select {
	case s.events <- e:
	default:
	}
}

func (s *Simulator) ReadCard(ctx context.Context) (*Card, error) {
	s.mu.Lock()
	c := s.present
	s.mu.Unlock()
	if c == nil {
		return nil, ErrNoCard
	}

	select {
	case <-time.After(s.ReadDelay):
	case <-ctx.Done():
		return nil, ctx.Err()
	}

	s.mu.Lock()
	still := s.present == c
	s.mu.Unlock()
	if !still {
		return nil, ErrCardRemoved
	}
	if c.Fault != nil {
		return nil, fmt.Errorf("simulated read: %w", c.Fault)
	}
	return &Card{Biodata: c.Biodata, Templates: simTemplates(c)}, nil
}

func (s *Simulator) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.closed {
		s.closed = true
		close(s.events)
	}
	return nil
}

// simTemplates makes two templates in the ISO/IEC 19794-2 envelope that the
// SimMatcher recognises; they carry the card's attempt budget, not minutiae.
func simTemplates(c *SimCard) [2][]byte {
	body := fmt.Sprintf("FMR\x00sim:%d", c.NoMatchAttempts)
	return [2][]byte{[]byte(body + ":1"), []byte(body + ":2")}
}

// SimMatcher is a Matcher for the demo and tests: it fails as many attempts
// as the simulated card sets, then matches.
type SimMatcher struct {
	Delay time.Duration

	mu       sync.Mutex
	attempts map[string]int
}

func (m *SimMatcher) Match(ctx context.Context, templates [2][]byte) (MatchResult, error) {
	select {
	case <-time.After(m.Delay):
	case <-ctx.Done():
		return MatchResult{}, ErrFingerTimeout
	}

	var budget int
	if _, err := fmt.Sscanf(string(templates[0]), "FMR\x00sim:%d:", &budget); err != nil {
		return MatchResult{Reason: "template not from the simulator"}, nil
	}

	m.mu.Lock()
	defer m.mu.Unlock()
	if m.attempts == nil {
		m.attempts = map[string]int{}
	}
	key := string(templates[0])
	m.attempts[key]++
	if budget < 0 || m.attempts[key] <= budget {
		return MatchResult{Matched: false, Score: 12, Reason: "minutiae do not match"}, nil
	}
	delete(m.attempts, key)
	return MatchResult{Matched: true, Score: 87}, nil
}
