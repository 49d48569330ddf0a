package outbox

import (
	"context"
	"errors"
	"math/rand/v2"
	"time"

	"github.com/disdikbud/kiosk/client"
	"github.com/disdikbud/kiosk/store"
)

// deliver sends one claimed batch and records the outcome in the store. It
// reports whether the batch was delivered.
func (w *Worker) deliver(ctx context.Context, batch []store.QueuedBalikan) bool {
	items := make([]client.BalikanItem, len(batch))
	ids := make([]int64, len(batch))
	for i, b := range batch {
		items[i] = w.cfg.ParamKeys.item(b)
		ids[i] = b.ID
	}

	callCtx, cancel := context.WithTimeout(ctx, w.cfg.CallTimeout)
	start := time.Now()
	err := w.gateway.DeliverBalikan(callCtx, items)
	took := time.Since(start)
	cancel()
	clear(items)

	if err != nil && ctx.Err() != nil {
		w.releaseAtShutdown(ctx, ids)
		return false
	}
	if err != nil {
		w.recordFailure(ctx, batch, err, took)
		return false
	}

	// The endpoint has the records now, so they are marked even when ctx
	// ended during the call. If marking fails they stay sending until the
	// next start, and RecoverSending sends them again.
	if err := w.store.MarkDelivered(context.WithoutCancel(ctx), ids, time.Now()); err != nil {
		w.log.Error("balikan batch delivered but marking it failed; it is sent again after a restart",
			"records", len(ids), "error", err)
	}
	w.failures = 0
	w.batchSize = w.cfg.BatchSize
	w.log.Info("balikan batch delivered", "records", len(ids), "outcome", "delivered", "duration", took)
	w.setStatus(func(s *Status) { s.LastError, s.Backoff = "", 0 })
	w.refreshStatus(ctx)
	return true
}

// recordFailure releases the batch for a later attempt, halves the batch
// size and starts the pause.
func (w *Worker) recordFailure(ctx context.Context, batch []store.QueuedBalikan, err error, took time.Duration) {
	message := store.MaskNIKs(err.Error())
	pause := w.pauseAfterFailure(err)
	w.batchSize = max(1, w.batchSize/2)

	// Each record waits by its own attempt count, so a record that keeps
	// failing is tried less and less often than fresh ones.
	now := time.Now()
	byAttempts := map[int][]int64{}
	for _, b := range batch {
		byAttempts[b.Attempts] = append(byAttempts[b.Attempts], b.ID)
	}
	for attempts, ids := range byAttempts {
		next := now.Add(max(pause, w.backoff(attempts+1)))
		if err := w.store.Release(ctx, ids, message, next); err != nil {
			w.log.Error("releasing a failed balikan batch failed; it is retried after a restart",
				"records", len(ids), "error", err)
		}
	}

	w.log.Warn("balikan batch failed; retrying after the pause",
		"records", len(batch), "duration", took, "outcome", outcomeName(err),
		"failures_in_row", w.failures, "pause", pause, "next_batch_size", w.batchSize, "error", message)
	w.refreshStatus(ctx)
}

// releaseAtShutdown puts a batch whose call was cut off by the end of ctx
// back to pending, due at once, without counting an attempt against it.
func (w *Worker) releaseAtShutdown(ctx context.Context, ids []int64) {
	if err := w.store.Requeue(context.WithoutCancel(ctx), ids); err != nil {
		w.log.Error("releasing balikan records at shutdown failed; they are recovered at the next start",
			"records", len(ids), "error", err)
		return
	}
	w.log.Info("balikan delivery interrupted by shutdown; records are pending again", "records", len(ids))
}

// pauseAfterFailure counts a failure in a row and returns the pause before
// the next attempt, which it also shows in Status.
func (w *Worker) pauseAfterFailure(err error) time.Duration {
	w.failures++
	pause := w.backoff(w.failures)
	message := store.MaskNIKs(err.Error())
	w.setStatus(func(s *Status) { s.LastError, s.Backoff = message, pause })
	return pause
}

// currentPause returns the pause the last failure started.
func (w *Worker) currentPause() time.Duration {
	return w.Status().Backoff
}

// backoff returns the pause after n failures: BackoffBase doubled n-1
// times, capped at BackoffMax, then scaled by a random factor between 0.5
// and 1 so kiosks that lost the network together do not retry together.
func (w *Worker) backoff(n int) time.Duration {
	d := w.cfg.BackoffBase
	for i := 1; i < n && d < w.cfg.BackoffMax; i++ {
		d *= 2
	}
	d = min(d, w.cfg.BackoffMax)
	return d/2 + rand.N(d/2+1)
}

// outcomeName names the kind of failure for the log: the client's outcome
// (network-down, timeout, ...) when it reports one.
func outcomeName(err error) string {
	if outcome := client.OutcomeOf(err); outcome != client.OutcomeUnknown {
		return outcome.String()
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return "timeout"
	}
	return "failed"
}
