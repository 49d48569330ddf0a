package support

import (
	"log/slog"
	"time"
)

// Snapshot is everything the support view shows. It deliberately has no field
// for population data (names, NIKs, No KK, record fields) or credentials, so
// the view cannot show them: a test fails when a field is added here without
// also being added to its list of reviewed fields.
type Snapshot struct {
	Version   string    // kiosk version
	StartedAt time.Time // when the kiosk process started

	OperatorSignedIn bool
	OperatorID       string // local operator account ID, not population data

	ReaderState   string // card reader state, e.g. "siap", "tidak ada SAM"
	GatewayState  string // Dukcapil gateway state, e.g. "terhubung", "timeout"
	DatabaseState string // SQLite state, e.g. "ok", "disk penuh"

	Queue QueueState
	Quota QuotaState

	// Screen is the name of the operator's current screen, never its contents.
	Screen string

	// Events are the most recent log events, oldest first, without attributes.
	Events []LogEvent
}

// QueueState counts balikan records in the outbox by state.
type QueueState struct {
	Pending      int
	Sending      int
	Delivered    int
	Exported     int
	LastDelivery time.Time // zero when nothing was delivered yet
}

// QuotaState is today's NIK hit count for the office's user ID.
type QuotaState struct {
	Used  int
	Limit int

	// GatewayRemaining is the gateway's own count of hits left (quotaLimiter),
	// or -1 when the gateway has not sent one.
	GatewayRemaining int
}

// LogEvent is one log record reduced to its time, level and message. The
// kiosk drops the attributes before handing events over, because attributes
// are where request details would sit.
type LogEvent struct {
	Time    time.Time
	Level   slog.Level
	Message string
}

// SnapshotFunc returns the kiosk's current state. The view calls it once a
// second from its own goroutine, so it must be safe for concurrent use and
// should return quickly.
type SnapshotFunc func() Snapshot
