package app

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/disdikbud/kiosk/store"
)

func TestParseSemester(t *testing.T) {
	good := map[string]Semester{"2026-1": {2026, 1}, "2026-2": {2026, 2}}
	for in, want := range good {
		got, err := ParseSemester(in)
		if err != nil || got != want {
			t.Errorf("ParseSemester(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "2026", "2026-3", "2026-0", "abc-1"} {
		if _, err := ParseSemester(bad); err == nil {
			t.Errorf("ParseSemester(%q) returned no error", bad)
		}
	}
}

func TestSemesterBounds(t *testing.T) {
	first, last := Semester{2026, 2}.Bounds()
	if first.Format("2006-01-02") != "2026-07-01" || last.Format("2006-01-02") != "2026-12-31" {
		t.Errorf("bounds of 2026-2 = %s to %s", first, last)
	}
	first, last = Semester{2024, 1}.Bounds()
	if first.Format("2006-01-02") != "2024-01-01" || last.Format("2006-01-02") != "2024-06-30" {
		t.Errorf("bounds of 2024-1 = %s to %s", first, last)
	}
	if got := SemesterOf(time.Date(2026, 6, 30, 23, 0, 0, 0, time.Local)); got != (Semester{2026, 1}) {
		t.Errorf("SemesterOf(30 June) = %v", got)
	}
}

func TestUsageReportFromStore(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "kiosk.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()

	days := []time.Time{
		time.Date(2026, 7, 15, 0, 0, 0, 0, time.Local),
		time.Date(2026, 12, 1, 0, 0, 0, 0, time.Local),
		time.Date(2026, 6, 30, 0, 0, 0, 0, time.Local), // the first semester: not counted
	}
	for _, day := range days {
		for _, op := range []string{"OP01", "OP01", "OP02"} {
			if ok, _, err := st.ReserveHit(ctx, day, op, 1000); err != nil || !ok {
				t.Fatalf("ReserveHit: %v, %v", ok, err)
			}
			if err := st.RecordOutcome(ctx, day, op, "found"); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := st.RecordOutcome(ctx, days[1], "OP02", "not_found"); err != nil {
		t.Fatal(err)
	}

	r, err := BuildUsageReport(ctx, st, Semester{2026, 2})
	if err != nil {
		t.Fatal(err)
	}
	if r.Hits != 6 {
		t.Errorf("hits = %d, want 6", r.Hits)
	}
	if r.ByOperator["OP01"] != 4 || r.ByOperator["OP02"] != 2 {
		t.Errorf("hits by operator = %v", r.ByOperator)
	}
	if r.ByMonth[time.July] != 3 || r.ByMonth[time.December] != 3 || r.ByMonth[time.June] != 0 {
		t.Errorf("hits by month = %v", r.ByMonth)
	}
	if r.ByOutcome["found"] != 6 || r.ByOutcome["not_found"] != 1 {
		t.Errorf("outcomes = %v", r.ByOutcome)
	}

	var buf bytes.Buffer
	if err := r.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{"semester,2026-2,hits,6", "month,2026-07,hits,3", "month,2026-09,hits,0", "operator-outcome,OP02,not_found,1"} {
		if !strings.Contains(buf.String(), line+"\n") {
			t.Errorf("CSV lacks %q:\n%s", line, buf.String())
		}
	}
}
