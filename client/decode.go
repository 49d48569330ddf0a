package client

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// errMalformed is wrapped by every decoding failure except an unknown
// response code or text (unknownStatusError).
var errMalformed = errors.New("malformed gateway reply")

// flexString is a JSON value that arrives as a string, a number or null.
// A number keeps its literal text, so a 16-digit NIK sent as a number keeps
// every digit. Other JSON types make the reply malformed.
type flexString string

func (f *flexString) UnmarshalJSON(data []byte) error {
	switch {
	case bytes.Equal(data, []byte("null")):
		*f = ""
	case len(data) >= 2 && data[0] == '"' && bytes.IndexByte(data, '\\') < 0:
		// encoding/json has validated the literal, and without escapes its
		// text is the bytes between the quotes.
		*f = flexString(strings.TrimSpace(string(data[1 : len(data)-1])))
	case len(data) > 0 && data[0] == '"':
		var s string
		if err := json.Unmarshal(data, &s); err != nil {
			return err
		}
		*f = flexString(strings.TrimSpace(s))
	case len(data) > 0 && (data[0] == '-' || (data[0] >= '0' && data[0] <= '9')):
		*f = flexString(data)
	default:
		return fmt.Errorf("%w: a value is neither a string, a number nor null", errMalformed)
	}
	return nil
}

// wireLookupRecord has exactly the keys the kiosk may keep (the nine data
// elements, with the address in its parts) plus the error object's keys.
// Every other key of a record is skipped by encoding/json and never
// stored. encoding/json matches keys case-insensitively, which covers the
// casing variants of older gateways.
type wireLookupRecord struct {
	NoKK          flexString `json:"NO_KK"`
	NIK           flexString `json:"NIK"`
	Name          flexString `json:"NAMA_LGKP"`
	Sex           flexString `json:"JENIS_KLMIN"`
	BirthPlace    flexString `json:"TMPT_LHR"`
	BirthDate     flexString `json:"TGL_LHR"`
	MaritalStatus flexString `json:"STATUS_KAWIN"`
	Occupation    flexString `json:"JENIS_PKRJN"`
	Street        flexString `json:"ALAMAT"`
	RT            flexString `json:"NO_RT"`
	RW            flexString `json:"NO_RW"`
	Kelurahan     flexString `json:"KEL_NAME"`
	Kecamatan     flexString `json:"KEC_NAME"`
	Kabupaten     flexString `json:"KAB_NAME"`
	Province      flexString `json:"PROP_NAME"`

	wireStatus
}

// wireStatus is the error object that replaces or accompanies a record.
type wireStatus struct {
	Respon       flexString `json:"RESPON"`
	Response     flexString `json:"RESPONSE"`
	ResponseDesc flexString `json:"RESPONSE_DESC"`
	ResponseCode flexString `json:"RESPONSE_CODE"`
}

type wireLookupReply struct {
	Content      *[]wireLookupRecord `json:"content"`
	QuotaLimiter flexString          `json:"quotaLimiter"`
}

// decodeLookup turns a CALL_NIK reply body into a result. Fields outside
// the nine elements never leave this function. The caller zeroes body.
func decodeLookup(body []byte) (LookupResult, error) {
	var reply wireLookupReply
	if err := json.Unmarshal(body, &reply); err != nil {
		return LookupResult{}, wrapMalformed(err)
	}
	quota, err := parseQuota(reply.QuotaLimiter)
	if err != nil {
		return LookupResult{}, err
	}
	if reply.Content == nil {
		return LookupResult{}, fmt.Errorf("%w: the reply has no content array", errMalformed)
	}

	content := *reply.Content
	if len(content) == 0 {
		// NOTE: an empty page is read as "not found"; no gateway was seen
		// doing this, but it is what an empty search result means.
		return LookupResult{Outcome: NotFound, QuotaRemaining: quota}, nil
	}

	wire := &content[0]
	hasRecord := wire.NIK != "" || wire.Name != ""
	outcome, err := wire.wireStatus.outcome(hasRecord)
	if err != nil {
		return LookupResult{}, err
	}

	result := LookupResult{Outcome: outcome, QuotaRemaining: quota}
	if hasRecord && outcome.HasRecord() {
		record, err := wire.record()
		if err != nil {
			return LookupResult{}, err
		}
		result.Record = record
	}
	clear(content)
	return result, nil
}

func (w *wireLookupRecord) record() (*Record, error) {
	birth, err := parseBirthDate(string(w.BirthDate))
	if err != nil {
		return nil, err
	}
	return &Record{
		NoKK:          string(w.NoKK),
		NIK:           string(w.NIK),
		Name:          string(w.Name),
		Sex:           string(w.Sex),
		BirthPlace:    string(w.BirthPlace),
		BirthDate:     birth,
		MaritalStatus: string(w.MaritalStatus),
		Occupation:    string(w.Occupation),
		Street:        string(w.Street),
		RT:            string(w.RT),
		RW:            string(w.RW),
		Kelurahan:     string(w.Kelurahan),
		Kecamatan:     string(w.Kecamatan),
		Kabupaten:     string(w.Kabupaten),
		Province:      string(w.Province),
	}, nil
}

// outcome reads the error object: RESPONSE_CODE wins when it is a known
// code, then the text under RESPONSE_DESC, RESPONSE or RESPON, then the
// presence of a record. A text or code the kiosk does not know is an error
// of outcome OutcomeUnknown.
func (s *wireStatus) outcome(hasRecord bool) (Outcome, error) {
	code := string(s.ResponseCode)
	if o := OutcomeForCode(code); o != OutcomeUnknown {
		return o, nil
	}

	text := firstNonEmpty(string(s.ResponseDesc), string(s.Response), string(s.Respon))
	if o, ok := outcomeForText(text); ok {
		return o, nil
	}
	if hasRecord {
		return Found, nil
	}

	if code == "" && text == "" {
		return OutcomeUnknown, fmt.Errorf("%w: content[0] has neither a record nor an error object", errMalformed)
	}
	// The text is not quoted: a gateway might echo the NIK in it.
	return OutcomeUnknown, &unknownStatusError{code: code, textLength: len(text)}
}

// unknownStatusError is an error object the kiosk cannot map.
type unknownStatusError struct {
	code       string
	textLength int
}

func (e *unknownStatusError) Error() string {
	code := e.code
	if len(code) > 8 {
		code = code[:8] + "..."
	}
	return fmt.Sprintf("gateway replied with an unknown response code %q and a text of %d characters: check the gateway's version with Dukcapil", code, e.textLength)
}

func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}

func parseQuota(raw flexString) (int, error) {
	if raw == "" {
		return -1, nil
	}
	n, err := strconv.Atoi(string(raw))
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%w: quotaLimiter is not a count", errMalformed)
	}
	return n, nil
}

// parseBirthDate accepts dd-mm-yyyy, dd.mm.yyyy and yyyy-mm-dd, optionally
// followed by a time of day that is ignored. Empty means unknown.
func parseBirthDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if len(s) > 10 && (s[10] == ' ' || s[10] == 'T') {
		s = s[:10]
	}
	for _, layout := range []string{"02-01-2006", "02.01.2006", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%w: TGL_LHR is not dd-mm-yyyy, dd.mm.yyyy or yyyy-mm-dd", errMalformed)
}

func wrapMalformed(err error) error {
	if errors.Is(err, errMalformed) {
		return err
	}
	// A type error's message may quote a number from the reply, which
	// could be a NIK, so only the field name is kept.
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) {
		return fmt.Errorf("%w: field %q has the wrong JSON type", errMalformed, typeErr.Field)
	}
	// Syntax errors name an offset and at most one character.
	return fmt.Errorf("%w: %v", errMalformed, err)
}
