package tui

import (
	"context"
	"time"

	"github.com/disdikbud/kiosk/store"
)

// Supervision is the part of the backend that the supervisor's menu uses
// beyond Backend. A backend without it has no supervisor's menu.
type Supervision interface {
	// Export writes every pending balikan record to a new file at path,
	// XLSX or CSV by its extension, marks them exported and returns how
	// many went out.
	Export(ctx context.Context, path string) (int, error)
	// Usage sums the non-personal counters of the semester that contains
	// day.
	Usage(ctx context.Context, day time.Time) (UsageSummary, error)
	// Delivery returns the delivery worker's state.
	Delivery() DeliveryState
	// DeliverNow ends the worker's pause and sends what is queued.
	DeliverNow()
	// ExportDir is the folder the export path starts in.
	ExportDir() string
	// ExportReport writes the usage report of the semester that contains
	// day to a new CSV file at path.
	ExportReport(ctx context.Context, path string, day time.Time) error
	// Operators lists the operator accounts.
	Operators(ctx context.Context) ([]store.Operator, error)
	// SetNDADate records the day an operator signed the NDA.
	SetNDADate(ctx context.Context, id string, day time.Time) error
}

// UsageSummary is the semester's usage report: counts only.
type UsageSummary struct {
	Semester   string // "2026-2"
	Hits       int
	ByMonth    []MonthHits
	ByOperator map[string]int
	ByOutcome  map[string]int
}

// MonthHits is one month's hits.
type MonthHits struct {
	Month time.Month
	Hits  int
}

// DeliveryState is the delivery worker's state for the screen.
type DeliveryState struct {
	LastError string
	Backoff   time.Duration
}
