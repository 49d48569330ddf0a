package client_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/disdikbud/kiosk/client"
	"github.com/disdikbud/kiosk/client/dukcapiltest"
)

// memoryCounter is a HitCounter in memory: the day's total across
// operators is compared with the limit, as the SQLite store does.
type memoryCounter struct {
	mu       sync.Mutex
	used     map[time.Time]int
	outcomes []string
	// reservedAt records the fake's call count at each reservation, to
	// prove the hit is counted before the request is sent.
	fake       *dukcapiltest.Server
	reservedAt []int
}

func newMemoryCounter(fake *dukcapiltest.Server) *memoryCounter {
	return &memoryCounter{used: make(map[time.Time]int), fake: fake}
}

func (m *memoryCounter) ReserveHit(_ context.Context, day time.Time, _ string, limit int) (bool, int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fake != nil {
		m.reservedAt = append(m.reservedAt, len(m.fake.Calls()))
	}
	if m.used[day] >= limit {
		return false, m.used[day], nil
	}
	m.used[day]++
	return true, m.used[day], nil
}

func (m *memoryCounter) RecordOutcome(_ context.Context, _ time.Time, _ string, outcome string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.outcomes = append(m.outcomes, outcome)
	return nil
}

// fixedClock returns a clock that reads *now.
func fixedClock(now *time.Time) func() time.Time { return func() time.Time { return *now } }

func TestQuotaGuardCountsBeforeSending(t *testing.T) {
	fake := dukcapiltest.NewServer()
	defer fake.Close()
	counter := newMemoryCounter(fake)
	guard := client.NewQuotaGuard(newClient(t, fake, nil), counter, 10, nil)
	nik := residentByStatus(t, dukcapiltest.StatusFound).NIK

	for i := range 3 {
		if _, err := guard.Lookup(context.Background(), "op1", nik); err != nil {
			t.Fatalf("Lookup %d: %v", i, err)
		}
	}
	for i, callsBefore := range counter.reservedAt {
		if callsBefore != i {
			t.Errorf("reservation %d saw %d requests at the fake, want %d (counted before sending)", i, callsBefore, i)
		}
	}
	if want := []string{"found", "found", "found"}; len(counter.outcomes) != 3 || counter.outcomes[0] != want[0] {
		t.Errorf("outcomes = %v, want %v", counter.outcomes, want)
	}
	if status := guard.Status(); status.Used != 3 || status.Limit != 10 {
		t.Errorf("Status = %+v, want 3 of 10 used", status)
	}
}

func TestQuotaGuardRefusesAtLimit(t *testing.T) {
	fake := dukcapiltest.NewServer()
	defer fake.Close()
	counter := newMemoryCounter(nil)
	guard := client.NewQuotaGuard(newClient(t, fake, nil), counter, 5, nil)
	nik := residentByStatus(t, dukcapiltest.StatusFound).NIK

	for i := range 5 {
		if _, err := guard.Lookup(context.Background(), "op1", nik); err != nil {
			t.Fatalf("Lookup %d: %v", i, err)
		}
	}
	result, err := guard.Lookup(context.Background(), "op1", nik)
	if !errors.Is(err, client.ErrQuotaReached) {
		t.Fatalf("error = %v, want ErrQuotaReached", err)
	}
	if result.Outcome != client.QuotaExhausted || client.OutcomeOf(err) != client.QuotaExhausted {
		t.Errorf("outcome = %s / %s, want quota_exhausted", result.Outcome, client.OutcomeOf(err))
	}
	if calls := len(fake.Calls()); calls != 5 {
		t.Errorf("the fake received %d requests, want 5 (the sixth is refused)", calls)
	}
	if len(counter.outcomes) != 5 {
		t.Errorf("%d outcomes recorded, want 5 (a refusal records none)", len(counter.outcomes))
	}
	if _, err := guard.Verify(context.Background(), "op1", nik, map[string]string{"NAMA_LGKP": "X"}, -1); !errors.Is(err, client.ErrQuotaReached) {
		t.Errorf("Verify at the limit: error = %v, want ErrQuotaReached", err)
	}
	status := guard.Status()
	if !status.Exhausted || !status.Warn {
		t.Errorf("Status = %+v, want exhausted and warn", status)
	}
}

func TestQuotaGuardWarnsFromEightyPercent(t *testing.T) {
	fake := dukcapiltest.NewServer(dukcapiltest.WithQuotaLimiter(false))
	defer fake.Close()
	guard := client.NewQuotaGuard(newClient(t, fake, nil), newMemoryCounter(nil), 10, nil)
	nik := residentByStatus(t, dukcapiltest.StatusFound).NIK

	for i := 1; i <= 8; i++ {
		if _, err := guard.Lookup(context.Background(), "op1", nik); err != nil {
			t.Fatalf("Lookup %d: %v", i, err)
		}
		status := guard.Status()
		if want := i >= 8; status.Warn != want {
			t.Errorf("after %d of 10 hits Warn = %v, want %v", i, status.Warn, want)
		}
		if status.Exhausted {
			t.Errorf("after %d of 10 hits Exhausted is true", i)
		}
	}
}

func TestQuotaGuardUsesGatewayCount(t *testing.T) {
	fake := dukcapiltest.NewServer(dukcapiltest.WithQuota(3))
	defer fake.Close()
	guard := client.NewQuotaGuard(newClient(t, fake, nil), newMemoryCounter(nil), 1000, nil)
	nik := residentByStatus(t, dukcapiltest.StatusFound).NIK

	if _, err := guard.Lookup(context.Background(), "op1", nik); err != nil {
		t.Fatalf("Lookup: %v", err)
	}
	status := guard.Status()
	if status.GatewayRemaining != 2 {
		t.Errorf("GatewayRemaining = %d, want 2", status.GatewayRemaining)
	}
	if !status.Warn {
		t.Errorf("Warn is false with 2 of 1000 hits left at the gateway")
	}

	for range 2 {
		if _, err := guard.Lookup(context.Background(), "op1", nik); err != nil {
			t.Fatalf("Lookup: %v", err)
		}
	}
	if status := guard.Status(); status.GatewayRemaining != 0 || !status.Exhausted {
		t.Errorf("Status = %+v, want the gateway's 0 left and exhausted", status)
	}

	before := len(fake.Calls())
	if _, err := guard.Lookup(context.Background(), "op1", nik); !errors.Is(err, client.ErrQuotaReached) {
		t.Errorf("error = %v, want ErrQuotaReached once the gateway reported none left", err)
	}
	if len(fake.Calls()) != before {
		t.Errorf("a request reached the fake after the gateway reported none left")
	}
}

func TestQuotaGuardGatewayCodeFive(t *testing.T) {
	fake := dukcapiltest.NewServer(dukcapiltest.WithQuotaLimiter(false))
	defer fake.Close()
	guard := client.NewQuotaGuard(newClient(t, fake, nil), newMemoryCounter(nil), 1000, nil)
	nik := residentByStatus(t, dukcapiltest.StatusFound).NIK

	fake.FailNext(1, "05", "")
	result, err := guard.Lookup(context.Background(), "op1", nik)
	if err != nil || result.Outcome != client.QuotaExhausted {
		t.Fatalf("Lookup: %s, %v, want the gateway's quota_exhausted", result.Outcome, err)
	}
	if !guard.Status().Exhausted {
		t.Errorf("Exhausted is false after the gateway's code 05")
	}
	if _, err := guard.Lookup(context.Background(), "op1", nik); !errors.Is(err, client.ErrQuotaReached) {
		t.Errorf("error = %v, want ErrQuotaReached after code 05", err)
	}
}

func TestQuotaGuardNewDayResets(t *testing.T) {
	fake := dukcapiltest.NewServer()
	defer fake.Close()
	now := time.Date(2026, 7, 1, 23, 59, 0, 0, time.Local)
	guard := client.NewQuotaGuard(newClient(t, fake, nil), newMemoryCounter(nil), 1, fixedClock(&now))
	nik := residentByStatus(t, dukcapiltest.StatusFound).NIK

	if _, err := guard.Lookup(context.Background(), "op1", nik); err != nil {
		t.Fatalf("Lookup: %v", err)
	}
	if _, err := guard.Lookup(context.Background(), "op1", nik); !errors.Is(err, client.ErrQuotaReached) {
		t.Fatalf("second lookup: %v, want ErrQuotaReached", err)
	}

	now = now.Add(2 * time.Minute)
	if status := guard.Status(); status.Used != 0 || status.Exhausted {
		t.Errorf("Status on the next day = %+v, want a fresh count", status)
	}
	if _, err := guard.Lookup(context.Background(), "op1", nik); err != nil {
		t.Errorf("Lookup on the next day: %v", err)
	}
}

func TestSessionSameNIKOneHit(t *testing.T) {
	fake := dukcapiltest.NewServer()
	defer fake.Close()
	counter := newMemoryCounter(nil)
	guard := client.NewQuotaGuard(newClient(t, fake, nil), counter, 10, nil)
	resident := residentByStatus(t, dukcapiltest.StatusFound)

	session := guard.NewSession()
	first, err := session.Lookup(context.Background(), "op1", resident.NIK)
	if err != nil {
		t.Fatalf("Lookup: %v", err)
	}
	second, err := session.Lookup(context.Background(), "op1", resident.NIK)
	if err != nil {
		t.Fatalf("second Lookup: %v", err)
	}
	if calls := len(fake.Calls()); calls != 1 {
		t.Errorf("the fake received %d requests, want 1", calls)
	}
	if used := guard.Status().Used; used != 1 {
		t.Errorf("Used = %d, want 1", used)
	}
	if second.Record == nil || second.Record.Name != resident.Name {
		t.Errorf("the second lookup did not return the first result")
	}

	session.Close()
	if first.Record.Name != "" || first.Record.NIK != "" {
		t.Errorf("Close left the record's values in memory")
	}
	if _, err := session.Lookup(context.Background(), "op1", resident.NIK); !errors.Is(err, client.ErrSessionClosed) {
		t.Errorf("Lookup after Close: %v, want ErrSessionClosed", err)
	}

	other := guard.NewSession()
	defer other.Close()
	if _, err := other.Lookup(context.Background(), "op1", resident.NIK); err != nil {
		t.Fatalf("Lookup in a new session: %v", err)
	}
	if calls := len(fake.Calls()); calls != 2 {
		t.Errorf("a new registration reused the old result: %d requests, want 2", calls)
	}
}

func TestSessionRetriesFailedLookup(t *testing.T) {
	fake := dukcapiltest.NewServer()
	defer fake.Close()
	guard := client.NewQuotaGuard(newClient(t, fake, nil), newMemoryCounter(nil), 10, nil)
	nik := residentByStatus(t, dukcapiltest.StatusFound).NIK
	session := guard.NewSession()
	defer session.Close()

	fake.SetFault(dukcapiltest.FaultHTTP500, 1)
	if _, err := session.Lookup(context.Background(), "op1", nik); err == nil {
		t.Fatal("Lookup succeeded during HTTP 500")
	}
	result, err := session.Lookup(context.Background(), "op1", nik)
	if err != nil || result.Outcome != client.Found {
		t.Errorf("Lookup after the fault: %s, %v, want found", result.Outcome, err)
	}
}

func TestOutcomeNamesAndKinds(t *testing.T) {
	seen := make(map[string]client.Outcome)
	for o := client.OutcomeUnknown; o <= client.GatewayError; o++ {
		name := o.String()
		if prev, dup := seen[name]; dup {
			t.Errorf("%d and %d share the name %q", prev, o, name)
		}
		seen[name] = o
		if o.IsConfigFault() && o.IsIdentity() {
			t.Errorf("%s is both a configuration fault and an identity outcome", o)
		}
	}
	config := []client.Outcome{client.LoginFailed, client.IPMismatch, client.QuotaExhausted, client.OutsideHours,
		client.IncompleteRequest, client.EmptyCredentials, client.InvalidIP, client.OfficeInactive, client.UserInactive}
	for _, o := range config {
		if !o.IsConfigFault() {
			t.Errorf("%s (code %s) is not a configuration fault", o, o.Code())
		}
	}
	for _, o := range []client.Outcome{client.NotProcessable, client.Deceased, client.NotFound, client.Inactive, client.BadNIKFormat} {
		if o.IsConfigFault() || !o.IsIdentity() {
			t.Errorf("%s is not an identity outcome", o)
		}
	}
	if client.NotFound.String() != "not_found" {
		t.Errorf("NotFound.String() = %q, want not_found", client.NotFound.String())
	}
}
