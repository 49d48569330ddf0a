package store

import (
	"context"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

var monday = time.Date(2024, 7, 8, 10, 30, 0, 0, time.Local)

func TestReserveHitStopsAtLimit(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()

	for i := 1; i <= 3; i++ {
		operator := "op1"
		if i == 2 {
			operator = "op2"
		}
		reserved, used, err := s.ReserveHit(ctx, monday, operator, 3)
		if err != nil {
			t.Fatal(err)
		}
		if !reserved || used != i {
			t.Errorf("hit %d: reserved=%v used=%d, want true and %d", i, reserved, used, i)
		}
	}

	reserved, used, err := s.ReserveHit(ctx, monday, "op1", 3)
	if err != nil {
		t.Fatal(err)
	}
	if reserved || used != 3 {
		t.Errorf("hit at the limit: reserved=%v used=%d, want false and 3", reserved, used)
	}
	if n, err := s.HitsOn(ctx, monday); err != nil || n != 3 {
		t.Errorf("HitsOn = %d, %v; want 3, the refused hit not counted", n, err)
	}

	// The next calendar day starts from zero.
	tuesday := monday.AddDate(0, 0, 1)
	if reserved, used, _ := s.ReserveHit(ctx, tuesday, "op1", 3); !reserved || used != 1 {
		t.Errorf("first hit of the next day: reserved=%v used=%d, want true and 1", reserved, used)
	}
}

func TestReserveHitRejectsInvalidLimit(t *testing.T) {
	s := openTemp(t)
	if _, _, err := s.ReserveHit(context.Background(), monday, "op1", 0); err == nil {
		t.Error("ReserveHit with limit 0 succeeded, want an error")
	}
}

func TestReserveHitDayBoundaryIsLocal(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	lateEvening := time.Date(2024, 7, 8, 23, 59, 0, 0, time.Local)
	earlyMorning := time.Date(2024, 7, 9, 0, 1, 0, 0, time.Local)

	s.ReserveHit(ctx, lateEvening, "op1", 10)
	s.ReserveHit(ctx, earlyMorning, "op1", 10)

	if n, _ := s.HitsOn(ctx, monday); n != 1 {
		t.Errorf("HitsOn(8 July) = %d, want 1", n)
	}
	if n, _ := s.HitsOn(ctx, earlyMorning); n != 1 {
		t.Errorf("HitsOn(9 July) = %d, want 1", n)
	}
}

// Two Store values on one file stand for two kiosk processes; many callers
// on both race for the last hits of the day.
func TestReserveHitConcurrentCallersNeverOverReserve(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "kiosk.db")
	first, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	second, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()

	const limit, callers, callsEach = 50, 8, 10
	var reservedCount atomic.Int64
	var wg sync.WaitGroup
	for c := 0; c < callers; c++ {
		s := first
		if c%2 == 1 {
			s = second
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < callsEach; i++ {
				reserved, used, err := s.ReserveHit(ctx, monday, "op1", limit)
				if err != nil {
					t.Errorf("ReserveHit: %v", err)
					return
				}
				if used > limit {
					t.Errorf("ReserveHit returned used=%d over the limit %d", used, limit)
				}
				if reserved {
					reservedCount.Add(1)
				}
			}
		}()
	}
	wg.Wait()

	if got := reservedCount.Load(); got != limit {
		t.Errorf("%d hits reserved by %d calls, want exactly %d", got, callers*callsEach, limit)
	}
	if n, _ := first.HitsOn(ctx, monday); n != limit {
		t.Errorf("HitsOn = %d, want %d", n, limit)
	}
}

func TestUsageReportsHitsAndOutcomes(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	tuesday := monday.AddDate(0, 0, 1)
	nextMonth := monday.AddDate(0, 1, 0)

	s.ReserveHit(ctx, monday, "op1", 100)
	s.ReserveHit(ctx, monday, "op1", 100)
	s.RecordOutcome(ctx, monday, "op1", "found")
	s.RecordOutcome(ctx, monday, "op1", "found")
	s.RecordOutcome(ctx, tuesday, "op2", "not-found")
	s.RecordOutcome(ctx, nextMonth, "op1", "found")

	rows, err := s.Usage(ctx, monday, tuesday)
	if err != nil {
		t.Fatal(err)
	}
	want := []UsageRow{
		{Day: midnight(monday), Operator: "op1", Outcome: "found", Count: 2},
		{Day: midnight(monday), Operator: "op1", Outcome: OutcomeHits, Count: 2},
		{Day: midnight(tuesday), Operator: "op2", Outcome: "not-found", Count: 1},
	}
	if len(rows) != len(want) {
		t.Fatalf("Usage returned %d rows %+v, want %d", len(rows), rows, len(want))
	}
	for i := range want {
		got := rows[i]
		if !got.Day.Equal(want[i].Day) || got.Operator != want[i].Operator ||
			got.Outcome != want[i].Outcome || got.Count != want[i].Count {
			t.Errorf("Usage row %d = %+v, want %+v", i, got, want[i])
		}
	}
}

func midnight(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.Local)
}
