// Package client talks to the Dukcapil gateway over the closed network:
// CALL_NIK, CALL_VERIFY_BY_ELEMEN and delivery of balikan records. It is the
// one place that handles the wire format, and it drops every field outside the
// nine elements of the data-sharing agreement inside the decoder.
package client

import (
	"context"
	"time"
)

// Outcome is the result kind of a gateway call, which the TUI acts on.
type Outcome int

const (
	OutcomeUnknown    Outcome = iota
	Found                     // 01
	NotFound                  // 13
	Deceased                  // 11
	DuplicateRecord           // 12
	Inactive                  // 14
	BadNIKFormat              // 15
	NotProcessable            // 08
	LoginFailed               // 03
	IPMismatch                // 04
	QuotaExhausted            // 05
	OutsideHours              // 06
	IncompleteRequest         // 07
	EmptyCredentials          // 09
	InvalidIP                 // 10
	OfficeInactive            // 16
	UserInactive              // 17
	Malformed                 // the reply could not be decoded
	Timeout                   // no reply within the call timeout
	NetworkDown               // the gateway could not be reached
	GatewayError              // an HTTP status other than the contract's, or a balikan reply not understood
	Delivered                 // the balikan store took a batch, or had it already
)

// Record holds the nine data elements for one NIK and nothing else. Values
// are as the gateway sends them (mostly upper case); BirthDate is parsed
// from any of the three formats seen; empty values are "".
type Record struct {
	NoKK          string
	NIK           string
	Name          string // NAMA_LGKP
	Sex           string // JENIS_KLMIN
	BirthPlace    string // TMPT_LHR
	BirthDate     time.Time
	MaritalStatus string // STATUS_KAWIN
	Occupation    string // JENIS_PKRJN
	Street        string // ALAMAT
	RT            string
	RW            string
	Kelurahan     string
	Kecamatan     string
	Kabupaten     string
	Province      string
}

// String hides the contents from loggers and format verbs.
func (Record) String() string { return "client.Record{redacted}" }

// GoString hides the contents from %#v as well.
func (r Record) GoString() string { return r.String() }

// LookupResult is the reply to CALL_NIK. Record is set only when Outcome
// is Found, Deceased, DuplicateRecord or Inactive and the gateway sent one.
// QuotaRemaining is the gateway's quotaLimiter, or -1 when it sent none.
type LookupResult struct {
	Outcome        Outcome
	Record         *Record
	QuotaRemaining int
}

// Verdict is the gateway's judgement of one element in
// CALL_VERIFY_BY_ELEMEN.
type Verdict struct {
	Match bool
	Score int // 0-100 for names, places and addresses; -1 when not given
}

// VerifyResult is the reply to CALL_VERIFY_BY_ELEMEN: a verdict per
// element sent, keyed by the element's wire name (NAMA_LGKP, TMPT_LHR, ...).
type VerifyResult struct {
	Outcome        Outcome
	Verdicts       map[string]Verdict
	QuotaRemaining int
}

// BalikanItem is one NIK's balikan in a delivery: the param keys and values
// in the order they are sent.
type BalikanItem struct {
	NIK    string
	Params []Param
}

// Param is one KEY: value pair of a balikan item.
type Param struct {
	Key   string
	Value string
}

// Gateway is the Dukcapil gateway as the rest of the kiosk uses it.
type Gateway interface {
	LookupNIK(ctx context.Context, nik string) (LookupResult, error)
	VerifyByElement(ctx context.Context, nik string, elements map[string]string, threshold int) (VerifyResult, error)
	// DeliverBalikan sends one batch. A nil error means the gateway took
	// every item, or replied that they had been delivered before.
	DeliverBalikan(ctx context.Context, items []BalikanItem) error
}
