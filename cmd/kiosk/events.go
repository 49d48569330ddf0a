package main

import (
	"context"
	"log/slog"
	"sync"

	"github.com/disdikbud/kiosk/support"
)

// eventRing is a slog handler that keeps the last few records' time, level
// and message for the SSH support view, and passes every record on to the
// next handler. Attributes are dropped: they are where ids and durations
// sit, and the view needs only what happened.
type eventRing struct {
	next slog.Handler
	ring *ring
}

type ring struct {
	mu     sync.Mutex
	events []support.LogEvent
	size   int
}

func newEventRing(next slog.Handler, size int) *eventRing {
	return &eventRing{next: next, ring: &ring{size: size}}
}

func (h *eventRing) Enabled(ctx context.Context, level slog.Level) bool {
	return h.next.Enabled(ctx, level)
}

func (h *eventRing) Handle(ctx context.Context, r slog.Record) error {
	h.ring.add(support.LogEvent{Time: r.Time, Level: r.Level, Message: r.Message})
	return h.next.Handle(ctx, r)
}

func (h *eventRing) WithAttrs(attrs []slog.Attr) slog.Handler {
	return &eventRing{next: h.next.WithAttrs(attrs), ring: h.ring}
}

func (h *eventRing) WithGroup(name string) slog.Handler {
	return &eventRing{next: h.next.WithGroup(name), ring: h.ring}
}

func (r *ring) add(e support.LogEvent) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.events = append(r.events, e)
	if len(r.events) > r.size {
		r.events = r.events[len(r.events)-r.size:]
	}
}

// Events returns a copy of the kept events, oldest first.
func (h *eventRing) Events() []support.LogEvent {
	h.ring.mu.Lock()
	defer h.ring.mu.Unlock()
	return append([]support.LogEvent(nil), h.ring.events...)
}
