package app

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"sort"
	"strconv"
	"time"

	"github.com/disdikbud/kiosk/store"
)

// Semester is one half of a calendar year: the agreement requires a usage
// report every June (first half) and December (second half).
type Semester struct {
	Year int
	Half int // 1 for January-June, 2 for July-December
}

// ParseSemester reads "2026-1" or "2026-2".
func ParseSemester(s string) (Semester, error) {
	var sem Semester
	if _, err := fmt.Sscanf(s, "%d-%d", &sem.Year, &sem.Half); err != nil || sem.Half < 1 || sem.Half > 2 || sem.Year < 2000 {
		return Semester{}, fmt.Errorf("semester %q is invalid: write YEAR-1 for January-June or YEAR-2 for July-December", s)
	}
	return sem, nil
}

// SemesterOf returns the semester that contains t.
func SemesterOf(t time.Time) Semester {
	if t.Month() <= time.June {
		return Semester{Year: t.Year(), Half: 1}
	}
	return Semester{Year: t.Year(), Half: 2}
}

// Bounds returns the semester's first and last day, in local time.
func (s Semester) Bounds() (first, last time.Time) {
	month := time.January
	if s.Half == 2 {
		month = time.July
	}
	first = time.Date(s.Year, month, 1, 0, 0, 0, 0, time.Local)
	return first, first.AddDate(0, 6, -1)
}

func (s Semester) String() string { return fmt.Sprintf("%d-%d", s.Year, s.Half) }

// UsageReport is the semester's usage built from the non-personal
// counters: hits and outcomes per month and per operator.
type UsageReport struct {
	Semester   Semester
	Hits       int
	ByOutcome  map[string]int
	ByOperator map[string]int            // hits per operator
	ByMonth    map[time.Month]int        // hits per month
	Outcomes   map[string]map[string]int // operator, outcome, count
}

// BuildUsageReport sums the store's counters over the semester.
func BuildUsageReport(ctx context.Context, st *store.Store, sem Semester) (UsageReport, error) {
	first, last := sem.Bounds()
	rows, err := st.Usage(ctx, first, last)
	if err != nil {
		return UsageReport{}, err
	}
	return summarize(sem, rows), nil
}

func summarize(sem Semester, rows []store.UsageRow) UsageReport {
	r := UsageReport{
		Semester:   sem,
		ByOutcome:  map[string]int{},
		ByOperator: map[string]int{},
		ByMonth:    map[time.Month]int{},
		Outcomes:   map[string]map[string]int{},
	}
	for _, row := range rows {
		if row.Outcome == store.OutcomeHits {
			r.Hits += row.Count
			r.ByOperator[row.Operator] += row.Count
			r.ByMonth[row.Day.Month()] += row.Count
			continue
		}
		r.ByOutcome[row.Outcome] += row.Count
		if r.Outcomes[row.Operator] == nil {
			r.Outcomes[row.Operator] = map[string]int{}
		}
		r.Outcomes[row.Operator][row.Outcome] += row.Count
	}
	return r
}

// WriteCSV writes the report as CSV rows of section, key, subkey, count,
// which a spreadsheet sums across kiosks.
func (r UsageReport) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	write := func(section, key, sub string, n int) {
		_ = cw.Write([]string{section, key, sub, strconv.Itoa(n)})
	}
	_ = cw.Write([]string{"section", "key", "subkey", "count"})
	write("semester", r.Semester.String(), "hits", r.Hits)
	first, _ := r.Semester.Bounds()
	for i := 0; i < 6; i++ {
		m := first.AddDate(0, i, 0).Month()
		write("month", fmt.Sprintf("%d-%02d", r.Semester.Year, int(m)), "hits", r.ByMonth[m])
	}
	for _, op := range sortedKeys(r.ByOperator) {
		write("operator", op, "hits", r.ByOperator[op])
	}
	for _, o := range sortedKeys(r.ByOutcome) {
		write("outcome", o, "", r.ByOutcome[o])
	}
	for _, op := range sortedKeys(r.Outcomes) {
		for _, o := range sortedKeys(r.Outcomes[op]) {
			write("operator-outcome", op, o, r.Outcomes[op][o])
		}
	}
	cw.Flush()
	return cw.Error()
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
