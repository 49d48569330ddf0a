package app

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/disdikbud/kiosk/outbox"
	"github.com/disdikbud/kiosk/tui"
)

var _ tui.Supervision = (*Backend)(nil)

// Export writes every pending balikan record to a new XLSX or CSV file at
// path and marks the records exported.
func (b *Backend) Export(ctx context.Context, path string) (int, error) {
	st := b.Store()
	if st == nil {
		return 0, errStoreNotOpen
	}
	keys := b.parts.Outbox.ParamKeys
	if keys == (outbox.ParamKeys{}) {
		keys = outbox.DefaultParamKeys()
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx":
		return outbox.ExportXLSX(ctx, st, path, keys)
	case ".csv":
		return outbox.ExportCSV(ctx, st, path, keys)
	}
	return 0, fmt.Errorf("export file %s must end in .xlsx or .csv", path)
}

// Usage sums the counters of the semester that contains day.
func (b *Backend) Usage(ctx context.Context, day time.Time) (tui.UsageSummary, error) {
	st := b.Store()
	if st == nil {
		return tui.UsageSummary{}, errStoreNotOpen
	}
	sem := SemesterOf(day)
	r, err := BuildUsageReport(ctx, st, sem)
	if err != nil {
		return tui.UsageSummary{}, err
	}
	sum := tui.UsageSummary{Semester: sem.String(), Hits: r.Hits, ByOperator: r.ByOperator, ByOutcome: r.ByOutcome}
	first, _ := sem.Bounds()
	for i := 0; i < 6; i++ {
		m := first.AddDate(0, i, 0).Month()
		sum.ByMonth = append(sum.ByMonth, tui.MonthHits{Month: m, Hits: r.ByMonth[m]})
	}
	return sum, nil
}

// Delivery returns the delivery worker's state; zero before it starts.
func (b *Backend) Delivery() tui.DeliveryState {
	b.mu.RLock()
	w := b.worker
	b.mu.RUnlock()
	if w == nil {
		return tui.DeliveryState{}
	}
	s := w.Status()
	return tui.DeliveryState{LastError: s.LastError, Backoff: s.Backoff}
}

// DeliverNow ends the delivery worker's pause.
func (b *Backend) DeliverNow() {
	b.mu.RLock()
	w := b.worker
	b.mu.RUnlock()
	if w != nil {
		w.Wake()
	}
}

// ExportDir is where the export path starts: the parts' ExportDir, or the
// home directory.
func (b *Backend) ExportDir() string {
	return b.parts.ExportDir
}
