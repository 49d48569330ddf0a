package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/disdikbud/kiosk/outbox"
	"github.com/disdikbud/kiosk/store"
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

// ExportDir returns the folder the supervisor's export path starts in,
// Parts.ExportDir; an empty one starts the path in the working directory.
func (b *Backend) ExportDir() string {
	return b.parts.ExportDir
}

// ExportReport writes the usage report of the semester that contains day
// to a new CSV file at path; an existing file is never replaced.
func (b *Backend) ExportReport(ctx context.Context, path string, day time.Time) error {
	st := b.Store()
	if st == nil {
		return errStoreNotOpen
	}
	r, err := BuildUsageReport(ctx, st, SemesterOf(day))
	if err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("create report %s: %w", path, err)
	}
	if err := r.WriteCSV(f); err != nil {
		f.Close()
		return fmt.Errorf("write report %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("write report %s: %w", path, err)
	}
	return f.Close()
}

// Operators lists the operator accounts.
func (b *Backend) Operators(ctx context.Context) ([]store.Operator, error) {
	st := b.Store()
	if st == nil {
		return nil, errStoreNotOpen
	}
	return st.Operators(ctx)
}

// SetNDADate records the day an operator signed the NDA.
func (b *Backend) SetNDADate(ctx context.Context, id string, day time.Time) error {
	st := b.Store()
	if st == nil {
		return errStoreNotOpen
	}
	return st.SetNDADate(ctx, id, day)
}
