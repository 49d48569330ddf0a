// Package app wires the kiosk's parts into the backend the TUI drives: the
// store, the gateway behind its quota guard, the card reader and the
// fingerprint matcher, and the balikan delivery worker.
package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/disdikbud/kiosk/client"
	"github.com/disdikbud/kiosk/device"
	"github.com/disdikbud/kiosk/outbox"
	"github.com/disdikbud/kiosk/ppdb"
	"github.com/disdikbud/kiosk/store"
	"github.com/disdikbud/kiosk/tui"
)

// Parts holds the functions that bring up each piece. Each function runs behind the first
// frame and may be slow; a nil function leaves its part down.
type Parts struct {
	OpenStore func(ctx context.Context) (*store.Store, error)
	// OpenGateway returns the gateway and a function that stops what it
	// started (the demo's fake gateway), or nil.
	OpenGateway func(ctx context.Context) (client.Gateway, func() error, error)
	OpenReader  func(ctx context.Context) (device.Reader, device.Matcher, error)
	// AfterStore runs once the store is open, before the other parts: the
	// demo seeds its operator accounts here.
	AfterStore func(ctx context.Context, st *store.Store) error
	// Outbox tunes the balikan delivery worker, which starts with the
	// gateway.
	Outbox     outbox.Config
	DailyLimit int
	// ExportDir is the folder the supervisor's export path starts in.
	ExportDir string
	// VerifyThreshold is the TRESHOLD sent with CALL_VERIFY_BY_ELEMEN,
	// 1-100. Zero sends the gateway client's configured threshold, which
	// defaults to client.DefaultThreshold.
	VerifyThreshold int
	Now             func() time.Time
}

var (
	errStoreNotOpen = errors.New("database not open yet: wait until the status bar shows it ready, or run \"kiosk doctor\"")
	errNoGateway    = errors.New("gateway not available: check [gateway] in the config file and run \"kiosk doctor\"")
)

// Backend implements tui.Backend. Its parts appear one by one while the
// TUI already runs, so every accessor copes with a part that is not up.
type Backend struct {
	parts Parts

	mu      sync.RWMutex
	store   *store.Store
	gateway client.Gateway
	guard   *client.QuotaGuard
	worker  *outbox.Worker
	reader  device.Reader
	matcher device.Matcher
	closers []func() error
}

// NewBackend returns a backend that brings up parts when started.
func NewBackend(parts Parts) *Backend {
	if parts.Now == nil {
		parts.Now = time.Now
	}
	return &Backend{parts: parts}
}

var _ tui.Backend = (*Backend)(nil)

// Start brings up the store, then the gateway and the reader.
func (b *Backend) Start(ctx context.Context, report func(tui.Part, error)) {
	st, err := b.openStore(ctx)
	report(tui.PartStore, err)

	report(tui.PartGateway, b.openGateway(ctx, st))
	b.startOutbox(ctx, st)
	report(tui.PartReader, b.openReader(ctx))
}

func (b *Backend) openStore(ctx context.Context) (*store.Store, error) {
	if b.parts.OpenStore == nil {
		return nil, fmt.Errorf("no store configured")
	}
	st, err := b.parts.OpenStore(ctx)
	if err != nil {
		return nil, err
	}
	if n, err := st.RecoverSending(ctx); err != nil {
		slog.Error("recover balikan left sending", "err", err)
	} else if n > 0 {
		slog.Info("balikan records back to pending after restart", "count", n)
	}
	if b.parts.AfterStore != nil {
		if err := b.parts.AfterStore(ctx, st); err != nil {
			st.Close()
			return nil, err
		}
	}
	b.mu.Lock()
	b.store = st
	b.closers = append(b.closers, st.Close)
	b.mu.Unlock()
	return st, nil
}

func (b *Backend) openGateway(ctx context.Context, st *store.Store) error {
	if b.parts.OpenGateway == nil {
		return fmt.Errorf("no gateway configured")
	}
	if st == nil {
		return fmt.Errorf("gateway needs the store for its hit counters")
	}
	gw, stop, err := b.parts.OpenGateway(ctx)
	if err != nil {
		return err
	}
	guard := client.NewQuotaGuard(gw, st, b.parts.DailyLimit, b.parts.Now)
	today := b.parts.Now()
	if used, err := st.HitsOn(ctx, today); err != nil {
		slog.Error("read today's hit count", "err", err)
	} else {
		guard.Restore(today, used)
	}
	b.mu.Lock()
	b.gateway, b.guard = gw, guard
	if stop != nil {
		b.closers = append(b.closers, stop)
	}
	b.mu.Unlock()
	return nil
}

func (b *Backend) openReader(ctx context.Context) error {
	if b.parts.OpenReader == nil {
		return fmt.Errorf("no reader configured")
	}
	r, m, err := b.parts.OpenReader(ctx)
	if err != nil {
		return err
	}
	b.mu.Lock()
	b.reader, b.matcher = r, m
	b.closers = append(b.closers, r.Close)
	b.mu.Unlock()
	return nil
}

// startOutbox runs the balikan delivery worker until ctx ends. Without a
// gateway the records stay queued for export.
func (b *Backend) startOutbox(ctx context.Context, st *store.Store) {
	gw := b.Gateway()
	if st == nil || gw == nil {
		return
	}
	w := outbox.NewWorker(st, gw, b.parts.Outbox)
	b.mu.Lock()
	b.worker = w
	b.mu.Unlock()
	go func() {
		if err := w.Run(ctx); err != nil && ctx.Err() == nil {
			slog.Error("balikan delivery worker stopped", "err", err)
		}
	}()
}

// AddCloser registers f to run at Close, after the parts, in reverse order.
func (b *Backend) AddCloser(f func() error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.closers = append(b.closers, f)
}

// Store returns the open store, or nil before it is up.
func (b *Backend) Store() *store.Store {
	b.mu.RLock()
	defer b.mu.RUnlock()
	return b.store
}

// Gateway returns the gateway without the quota guard, for the delivery
// worker (balikan delivery does not consume NIK hits).
func (b *Backend) Gateway() client.Gateway {
	b.mu.RLock()
	defer b.mu.RUnlock()
	return b.gateway
}

func (b *Backend) Authenticate(ctx context.Context, id, pin string) (store.Operator, error) {
	st := b.Store()
	if st == nil {
		return store.Operator{}, errStoreNotOpen
	}
	return st.Authenticate(ctx, id, pin)
}

func (b *Backend) Reader() device.Reader {
	b.mu.RLock()
	defer b.mu.RUnlock()
	return b.reader
}

func (b *Backend) Matcher() device.Matcher {
	b.mu.RLock()
	defer b.mu.RUnlock()
	return b.matcher
}

func (b *Backend) Lookup(ctx context.Context, operator, nik string) (client.LookupResult, error) {
	b.mu.RLock()
	guard := b.guard
	b.mu.RUnlock()
	if guard == nil {
		return client.LookupResult{}, &client.CallError{Method: client.MethodLookup, Outcome: client.NetworkDown, NeverSent: true, Err: errNoGateway}
	}
	return guard.Lookup(ctx, operator, nik)
}

// Verify sends CALL_VERIFY_BY_ELEMEN through the quota guard, so the call
// is counted before it is sent, like Lookup.
func (b *Backend) Verify(ctx context.Context, operator, nik string, elements map[string]string) (client.VerifyResult, error) {
	b.mu.RLock()
	guard := b.guard
	b.mu.RUnlock()
	if guard == nil {
		return client.VerifyResult{QuotaRemaining: -1}, &client.CallError{Method: client.MethodVerify, Outcome: client.NetworkDown, NeverSent: true, Err: errNoGateway}
	}

	threshold := b.parts.VerifyThreshold
	if threshold <= 0 {
		threshold = -1 // the client's configured threshold
	}
	return guard.Verify(ctx, operator, nik, elements, threshold)
}

func (b *Backend) Quota() client.QuotaStatus {
	b.mu.RLock()
	guard := b.guard
	b.mu.RUnlock()
	if guard == nil {
		return client.QuotaStatus{GatewayRemaining: -1}
	}
	return guard.Status()
}

// Enqueue queues a validated balikan record durably.
func (b *Backend) Enqueue(ctx context.Context, rec ppdb.Balikan, operator string) (int64, error) {
	st := b.Store()
	if st == nil {
		return 0, errStoreNotOpen
	}
	id, err := outbox.Enqueue(ctx, st, rec, operator)
	if err != nil {
		return 0, err
	}
	b.mu.RLock()
	w := b.worker
	b.mu.RUnlock()
	if w != nil {
		w.Wake()
	}
	return id, nil
}

func (b *Backend) QueueStats(ctx context.Context) (store.QueueStats, error) {
	st := b.Store()
	if st == nil {
		return store.QueueStats{}, errStoreNotOpen
	}
	return st.QueueStats(ctx)
}

// Audit records an operator's action. Callers pass the operator's ID and
// an event name, never applicant data.
func (b *Backend) Audit(ctx context.Context, operator, event string) {
	st := b.Store()
	if st == nil {
		return
	}
	if err := st.Audit(ctx, operator, event, ""); err != nil {
		slog.Error("audit write failed", "operator", operator, "event", event, "err", err)
	}
}

// Close closes the parts in reverse order of opening.
func (b *Backend) Close() error {
	b.mu.Lock()
	closers := b.closers
	b.closers = nil
	b.mu.Unlock()
	var first error
	for i := len(closers) - 1; i >= 0; i-- {
		if err := closers[i](); err != nil && first == nil {
			first = err
		}
	}
	return first
}
