// Package device reads the e-KTP through a PC/SC card reader with a SAM and
// matches the holder's fingerprint 1:1. It has one Reader interface with two
// implementations: PC/SC on github.com/ebfe/scard for production and a
// simulator for the demo and for tests of the layers above.
package device

import (
	"context"
	"errors"
)

// EventKind is the kind of change at the reader.
type EventKind int

const (
	ServiceUp     EventKind = iota + 1 // the PC/SC service responds
	ServiceDown                        // pcscd is not running; the reader retries by itself
	ReaderAdded                        // a contactless or SAM reader appeared
	ReaderRemoved                      // a reader went away
	CardInserted                       // a card was put on the contactless reader
	CardRemoved                        // the card was taken away
)

func (k EventKind) String() string {
	switch k {
	case ServiceUp:
		return "service-up"
	case ServiceDown:
		return "service-down"
	case ReaderAdded:
		return "reader-added"
	case ReaderRemoved:
		return "reader-removed"
	case CardInserted:
		return "card-inserted"
	case CardRemoved:
		return "card-removed"
	}
	return "unknown"
}

// Event is one change at the reader. Reader names the PC/SC reader; Err is
// set for ServiceDown.
type Event struct {
	Kind   EventKind
	Reader string
	Err    error
}

// Reader is a card reader with a SAM.
type Reader interface {
	// Events delivers reader and card changes until Close. The channel is
	// closed by Close.
	Events() <-chan Event
	// ReadCard runs the whole e-KTP sequence on the card that is present:
	// SAM unlock, select, mutual authentication, secure reads and the
	// signature check. Its errors wrap one of the Err values below.
	ReadCard(ctx context.Context) (*Card, error)
	Close() error
}

// Biodata is the part of the chip's 21 biodata fields that the kiosk keeps: the
// elements the data-sharing agreement allows and nothing else (blood type,
// religion and citizenship are dropped while parsing). Values are as the
// chip stores them; BirthDate is dd-mm-yyyy.
type Biodata struct {
	NIK           string
	Name          string
	Sex           string // LAKI-LAKI or PEREMPUAN
	BirthPlace    string
	BirthDate     string
	MaritalStatus string
	Occupation    string
	Street        string
	RT            string
	RW            string
	Kelurahan     string
	Kecamatan     string
	Kabupaten     string
}

// String hides the contents from loggers and format verbs.
func (Biodata) String() string { return "device.Biodata{redacted}" }

// GoString hides the contents from %#v as well.
func (b Biodata) GoString() string { return b.String() }

// Card is what one read of an e-KTP returns: the biodata and the two
// fingerprint minutiae templates (ISO/IEC 19794-2, starting "FMR\0").
type Card struct {
	Biodata   Biodata
	Templates [2][]byte
}

// Wipe zeroes the templates and drops the biodata.
func (c *Card) Wipe() {
	for _, t := range c.Templates {
		clear(t)
	}
	*c = Card{}
}

// Errors of the reading sequence. Each has its own operator message and next
// action in the TUI, so implementations wrap exactly one of them.
var (
	ErrServiceDown       = errors.New("PC/SC service not running")
	ErrNoReader          = errors.New("no contactless reader found")
	ErrNoSAM             = errors.New("no SAM reader or no SAM in it")
	ErrSAMWrongSecret    = errors.New("SAM rejected the unlock secret")
	ErrSAMLocked         = errors.New("SAM is locked")
	ErrNoCard            = errors.New("no card on the reader")
	ErrNotEKTP           = errors.New("card is not an e-KTP")
	ErrCardRemoved       = errors.New("card removed during the read")
	ErrAuthFailed        = errors.New("mutual authentication with the card failed")
	ErrBadSignature      = errors.New("biodata signature invalid")
	ErrMalformed         = errors.New("card data malformed")
	ErrTampered          = errors.New("card reply failed the SAM's integrity check")
	ErrFingerTimeout     = errors.New("no finger placed before the timeout")
	ErrFingerUnavailable = errors.New("fingerprint helper unavailable")
)

// MatchResult is the result of a 1:1 fingerprint match.
type MatchResult struct {
	Matched bool
	Score   int    // the matcher's score, higher is closer
	Reason  string // the helper's reason on a non-match, for logs; never personal data
}

// Matcher captures the live finger and matches it against the card's two
// templates, first then second. One call is one attempt; the caller keeps
// the attempt count.
type Matcher interface {
	Match(ctx context.Context, templates [2][]byte) (MatchResult, error)
}
