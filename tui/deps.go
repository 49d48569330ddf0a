package tui

import (
	"context"
	"time"

	"github.com/disdikbud/kiosk/client"
	"github.com/disdikbud/kiosk/device"
	"github.com/disdikbud/kiosk/ppdb"
	"github.com/disdikbud/kiosk/store"
)

// Backend is everything the screens need from the rest of the kiosk. The
// TUI starts it behind the first frame (Start), so a slow database or
// gateway never delays the screen.
type Backend interface {
	// Start opens the store, the gateway and the reader. It reports each
	// part as it comes up through report, and returns once all have been
	// tried; a part that failed stays down and the screens show it.
	Start(ctx context.Context, report func(Part, error))

	Authenticate(ctx context.Context, id, pin string) (store.Operator, error)
	Reader() device.Reader
	Matcher() device.Matcher
	Lookup(ctx context.Context, operator, nik string) (client.LookupResult, error)
	// Verify sends CALL_VERIFY_BY_ELEMEN for nik with the claimed elements,
	// keyed by wire name (client.ElementKeys). It consumes one hit, like
	// Lookup.
	Verify(ctx context.Context, operator, nik string, elements map[string]string) (client.VerifyResult, error)
	Quota() client.QuotaStatus
	Enqueue(ctx context.Context, b ppdb.Balikan, operator string) (int64, error)
	QueueStats(ctx context.Context) (store.QueueStats, error)
	Audit(ctx context.Context, operator, event string)
	Close() error
}

// Part names a piece of the backend whose state the status bar shows.
type Part int

const (
	PartStore Part = iota
	PartGateway
	PartReader
	partCount
)

// Options are the settings the TUI takes from the configuration.
type Options struct {
	Demo           bool          // Ctrl+C quits without the supervisor PIN; demo keys insert simulated cards
	IdleTimeout    time.Duration // inactivity before the registration is wiped and the kiosk locks
	IdleWarning    time.Duration // how long before the timeout the countdown shows
	FingerAttempts int           // fingerprint attempts per card
	Now            func() time.Time
	// AgreementFrom and AgreementUntil bound the data-sharing agreement's
	// validity period; lookups outside it are refused.
	AgreementFrom, AgreementUntil time.Time
	// DemoCards are the simulated cards that keys 1-9 put on the reader.
	DemoCards []device.SimCard
	Simulator *device.Simulator
	// DemoAccounts are the demo's made-up accounts, shown on its sign-in
	// screen: the operator, the supervisor and the account without an NDA,
	// each as ID and PIN.
	DemoAccounts [3][2]string
	// DemoStudentNIK is shown while a NIK is typed in the demo: the NIK of
	// the made-up child of demo card 1, which the fake gateway has a record for.
	DemoStudentNIK string
	// AdmissionYear is the year whose 1 July counts for the age rule of
	// the level applied for; 0 means the current year.
	AdmissionYear int
}

func (o *Options) setDefaults() {
	if o.IdleTimeout <= 0 {
		o.IdleTimeout = 3 * time.Minute
	}
	if o.IdleWarning <= 0 || o.IdleWarning >= o.IdleTimeout {
		o.IdleWarning = o.IdleTimeout / 6
	}
	if o.FingerAttempts <= 0 {
		o.FingerAttempts = 4
	}
	if o.Now == nil {
		o.Now = time.Now
	}
}
