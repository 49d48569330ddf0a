package outbox

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/disdikbud/kiosk/client"
	"github.com/disdikbud/kiosk/store"
)

// Deliverer sends one batch of balikan items. client.Gateway satisfies it.
// A nil error means the endpoint accepted every item, or replied that they
// had been delivered before.
type Deliverer interface {
	DeliverBalikan(ctx context.Context, items []client.BalikanItem) error
}

// Config tunes a Worker. Zero fields take the defaults in brackets.
type Config struct {
	ParamKeys    ParamKeys     // param key per field [DefaultParamKeys]
	BatchSize    int           // records per delivery call [50]
	BackoffBase  time.Duration // pause after the first failure [5s]
	BackoffMax   time.Duration // maximum pause between attempts [10m]
	PollInterval time.Duration // how often an idle worker checks the queue for records it was not woken for [1m]
	CallTimeout  time.Duration // bound on one delivery call, over the client's own timeouts [2m]

	// OnStatus, when set, is called from the worker's goroutine after every
	// change of Status. It must return quickly (the TUI sends a message).
	OnStatus func(Status)
	Logger   *slog.Logger // [slog.Default]
}

func (c Config) withDefaults() Config {
	c.ParamKeys = c.ParamKeys.withDefaults()
	if c.BatchSize < 1 {
		c.BatchSize = 50
	}
	if c.BackoffBase <= 0 {
		c.BackoffBase = 5 * time.Second
	}
	if c.BackoffMax < c.BackoffBase {
		c.BackoffMax = max(10*time.Minute, c.BackoffBase)
	}
	if c.PollInterval <= 0 {
		c.PollInterval = time.Minute
	}
	if c.CallTimeout <= 0 {
		c.CallTimeout = 2 * time.Minute
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	return c
}

// Status is the queue state the TUI shows.
type Status struct {
	Pending      int           // records not yet delivered or exported
	LastDelivery time.Time     // zero before the first delivery
	LastError    string        // the last failed delivery's error, empty after a success
	Backoff      time.Duration // the pause after failures, zero while delivering normally
}

// Worker delivers queued balikan records in batches until its context ends.
// After a failed call it pauses with exponential backoff and jitter, and it
// halves the batch down to one record. So an unreachable endpoint is probed
// with one record at a time, and a record the endpoint rejects cannot hold
// back the others for long. A success restores both.
type Worker struct {
	store   *store.Store
	gateway Deliverer
	cfg     Config
	log     *slog.Logger
	wake    chan struct{}

	// Owned by the Run goroutine.
	batchSize int
	failures  int  // failed calls in a row
	woken     bool // Wake was called: retry records whose next attempt is ahead

	mu     sync.Mutex
	status Status
}

// NewWorker returns a worker that delivers the records of st through
// gateway. Start it with Run.
func NewWorker(st *store.Store, gateway Deliverer, cfg Config) *Worker {
	cfg = cfg.withDefaults()
	return &Worker{
		store:     st,
		gateway:   gateway,
		cfg:       cfg,
		log:       cfg.Logger.With("component", "outbox"),
		wake:      make(chan struct{}, 1),
		batchSize: cfg.BatchSize,
	}
}

// Wake makes the worker try now: it ends a pause after failures and retries
// pending records whose next attempt is still ahead. Call it after queueing
// a record and when the network comes back. It never blocks.
func (w *Worker) Wake() {
	select {
	case w.wake <- struct{}{}:
	default:
	}
}

// Status returns the worker's latest status.
func (w *Worker) Status() Status {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.status
}

// Run delivers until ctx is cancelled, then returns nil. At start it puts
// records that a stopped process left sending back to pending. The endpoint
// replies "Data sudah pernah dikirim" to those it had already accepted,
// which counts as delivered. Run returns an error only when that recovery fails.
func (w *Worker) Run(ctx context.Context) error {
	recovered, err := w.store.RecoverSending(ctx)
	if err != nil {
		return err
	}
	if recovered > 0 {
		w.log.Info("balikan records left sending by a stopped kiosk are pending again", "records", recovered)
	}
	w.refreshStatus(ctx)

	for {
		wait := w.step(ctx)
		if !w.sleep(ctx, wait) {
			return nil
		}
	}
}

// step claims and delivers one batch and returns how long to wait before
// the next.
func (w *Worker) step(ctx context.Context) time.Duration {
	claimUntil := time.Now()
	if w.woken {
		// After Wake every pending record counts as due, backoff or not,
		// until the queue is empty or a call fails again.
		claimUntil = claimUntil.Add(100 * 365 * 24 * time.Hour)
	}

	batch, err := w.store.ClaimBatch(ctx, w.batchSize, claimUntil)
	if err != nil {
		if ctx.Err() == nil {
			w.log.Error("claiming balikan records failed; retrying after the pause", "error", err)
			w.woken = false
			return w.pauseAfterFailure(err)
		}
		return 0
	}
	if len(batch) == 0 {
		w.woken = false
		return w.idleWait(ctx)
	}

	if w.deliver(ctx, batch) {
		return 0
	}
	w.woken = false
	return w.currentPause()
}

// idleWait returns how long to wait when nothing is due: until the next
// record falls due, but at most PollInterval.
func (w *Worker) idleWait(ctx context.Context) time.Duration {
	w.refreshStatus(ctx)
	next, ok, err := w.store.NextDue(ctx)
	if err != nil || !ok {
		return w.cfg.PollInterval
	}
	return min(max(time.Until(next), 0), w.cfg.PollInterval)
}

// sleep waits for d, a Wake or the end of ctx, and reports whether to go on.
func (w *Worker) sleep(ctx context.Context, d time.Duration) bool {
	if ctx.Err() != nil {
		return false
	}
	if d <= 0 {
		return true
	}
	timer := time.NewTimer(d)
	defer timer.Stop()

	select {
	case <-ctx.Done():
		return false
	case <-w.wake:
		w.woken = true
		w.failures = 0
		w.setStatus(func(s *Status) { s.Backoff = 0 })
		return true
	case <-timer.C:
		return true
	}
}

// refreshStatus reads the queue depth and last delivery from the store.
func (w *Worker) refreshStatus(ctx context.Context) {
	stats, err := w.store.QueueStats(ctx)
	if err != nil {
		if ctx.Err() == nil {
			w.log.Error("reading balikan queue stats failed", "error", err)
		}
		return
	}
	w.setStatus(func(s *Status) {
		s.Pending = stats.Pending + stats.Sending + stats.Exporting
		s.LastDelivery = stats.LastDelivery
	})
}

// setStatus applies change and reports the new status to OnStatus.
func (w *Worker) setStatus(change func(*Status)) {
	w.mu.Lock()
	before := w.status
	change(&w.status)
	after := w.status
	w.mu.Unlock()

	if after != before && w.cfg.OnStatus != nil {
		w.cfg.OnStatus(after)
	}
}
