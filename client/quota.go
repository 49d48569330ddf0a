package client

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"
)

// HitCounter stores the day's gateway hits per operator. ReserveHit counts
// one hit before a request is sent and reports reserved=false, without
// counting, when the day's total has reached limit; used is the day's
// total after the call. RecordOutcome stores how the call ended, by the
// outcome's String name. The kiosk's SQLite store implements it.
type HitCounter interface {
	ReserveHit(ctx context.Context, day time.Time, operator string, limit int) (reserved bool, used int, err error)
	RecordOutcome(ctx context.Context, day time.Time, operator, outcome string) error
}

// QuotaStatus is what the kiosk shows about the day's quota.
type QuotaStatus struct {
	Used             int  // hits counted today by this kiosk
	Limit            int  // the configured daily limit
	GatewayRemaining int  // the gateway's last quotaLimiter today, -1 when unknown
	Warn             bool // at least 80% used, by either count
	Exhausted        bool // no hit left, by either count
}

// warnPercent is the share of the daily quota from which the kiosk warns.
const warnPercent = 80

// QuotaGuard wraps a Gateway so that every call that can consume a hit is
// counted before it is sent and refused at the daily limit. It is safe for
// concurrent use.
type QuotaGuard struct {
	gw      Gateway
	counter HitCounter
	limit   int
	now     func() time.Time
	log     *slog.Logger

	mu               sync.Mutex
	day              time.Time
	used             int
	gatewayRemaining int
}

// NewQuotaGuard returns a guard that allows limit hits a day. now is the
// clock, time.Now when nil; the day is the local calendar date.
func NewQuotaGuard(gw Gateway, counter HitCounter, limit int, now func() time.Time) *QuotaGuard {
	if now == nil {
		now = time.Now
	}
	return &QuotaGuard{gw: gw, counter: counter, limit: limit, now: now, log: slog.Default(), gatewayRemaining: -1}
}

// Lookup sends CALL_NIK for operator after reserving a hit. At the limit it
// returns an error wrapping ErrQuotaReached without sending.
func (g *QuotaGuard) Lookup(ctx context.Context, operator, nik string) (LookupResult, error) {
	day, err := g.reserve(ctx, operator, MethodLookup)
	if err != nil {
		return LookupResult{Outcome: QuotaExhausted, QuotaRemaining: -1}, err
	}

	result, err := g.gw.LookupNIK(ctx, nik)
	g.finish(ctx, day, operator, result.Outcome, result.QuotaRemaining, err)
	return result, err
}

// Verify sends CALL_VERIFY_BY_ELEMEN for operator after reserving a hit,
// like Lookup.
func (g *QuotaGuard) Verify(ctx context.Context, operator, nik string, elements map[string]string, threshold int) (VerifyResult, error) {
	day, err := g.reserve(ctx, operator, MethodVerify)
	if err != nil {
		return VerifyResult{Outcome: QuotaExhausted, QuotaRemaining: -1}, err
	}

	result, err := g.gw.VerifyByElement(ctx, nik, elements, threshold)
	g.finish(ctx, day, operator, result.Outcome, result.QuotaRemaining, err)
	return result, err
}

// Status returns today's counts.
// NOTE: Used comes from the counter's last ReserveHit, so after a restart
// it reads 0 until the first call of the day; HitCounter has no read method.
// Restore sets today's count of hits to used, as the hit counter stored it
// before a restart, so Status does not read zero until the first call.
// A count from another day is ignored.
func (g *QuotaGuard) Restore(day time.Time, used int) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.rollDay(dayOf(g.now()))
	if dayOf(day).Equal(g.day) && used > g.used {
		g.used = used
	}
}

func (g *QuotaGuard) Status() QuotaStatus {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.rollDay(dayOf(g.now()))

	status := QuotaStatus{Used: g.used, Limit: g.limit, GatewayRemaining: g.gatewayRemaining}
	status.Exhausted = g.used >= g.limit || g.gatewayRemaining == 0
	status.Warn = status.Exhausted || g.used*100 >= g.limit*warnPercent
	if g.gatewayRemaining >= 0 {
		status.Warn = status.Warn || (g.limit-g.gatewayRemaining)*100 >= g.limit*warnPercent
	}
	return status
}

// reserve counts one hit, or rejects the call when the local count or the
// gateway's last quotaLimiter shows the day's quota used up.
func (g *QuotaGuard) reserve(ctx context.Context, operator, method string) (time.Time, error) {
	day := dayOf(g.now())

	g.mu.Lock()
	g.rollDay(day)
	gatewayEmpty := g.gatewayRemaining == 0
	g.mu.Unlock()
	if gatewayEmpty {
		return day, fmt.Errorf("%s not sent: %w (the gateway reported no hits left today); lookups resume tomorrow", method, ErrQuotaReached)
	}

	reserved, used, err := g.counter.ReserveHit(ctx, day, operator, g.limit)
	if err != nil {
		return day, fmt.Errorf("%s not sent: counting the hit failed (%w); check the kiosk's data directory", method, err)
	}

	g.mu.Lock()
	g.rollDay(day)
	g.used = used
	g.mu.Unlock()

	if !reserved {
		return day, fmt.Errorf("%s not sent: %w (%d of %d hits used); lookups resume tomorrow or after the supervisor raises the daily limit in the config", method, ErrQuotaReached, used, g.limit)
	}
	return day, nil
}

// HitReleaser is a HitCounter that can take back a reserved hit. The guard
// uses it for a call that surely never reached the gateway, which cost the
// office nothing there.
type HitReleaser interface {
	ReleaseHit(ctx context.Context, day time.Time, operator string) error
}

// finish records how a sent call ended and keeps the gateway's count.
func (g *QuotaGuard) finish(ctx context.Context, day time.Time, operator string, outcome Outcome, remaining int, err error) {
	if err != nil {
		outcome = OutcomeOf(err)
	}
	if err != nil && NeverSent(err) {
		g.release(ctx, day, operator)
	}
	if recordErr := g.counter.RecordOutcome(ctx, day, operator, outcome.String()); recordErr != nil {
		g.log.LogAttrs(ctx, slogWarn, "recording gateway outcome failed",
			slog.String("outcome", outcome.String()), slog.String("error", recordErr.Error()))
	}

	g.mu.Lock()
	defer g.mu.Unlock()
	if !g.day.Equal(day) {
		return
	}
	switch {
	case outcome == QuotaExhausted:
		g.gatewayRemaining = 0
	case err == nil && remaining >= 0:
		g.gatewayRemaining = remaining
	}
}

// release takes back the hit reserved for a call that never left the
// kiosk, when the counter can.
func (g *QuotaGuard) release(ctx context.Context, day time.Time, operator string) {
	releaser, ok := g.counter.(HitReleaser)
	if !ok {
		return
	}
	if err := releaser.ReleaseHit(ctx, day, operator); err != nil {
		g.log.LogAttrs(ctx, slogWarn, "releasing an unsent hit failed", slog.String("error", err.Error()))
		return
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.day.Equal(day) && g.used > 0 {
		g.used--
	}
}

// rollDay resets the cached counts when the day changes. g.mu is held.
func (g *QuotaGuard) rollDay(day time.Time) {
	if g.day.Equal(day) {
		return
	}
	g.day = day
	g.used = 0
	g.gatewayRemaining = -1
}

func dayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}
