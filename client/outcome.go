package client

import "strings"

// outcomeInfo is the stable name of an outcome (used as the hit counter's
// outcome and in logs) and the gateway's two-digit response code, if any.
type outcomeInfo struct {
	name string
	code string
}

var outcomeTable = map[Outcome]outcomeInfo{
	OutcomeUnknown:    {"unknown", ""},
	Found:             {"found", "01"},
	LoginFailed:       {"login_failed", "03"},
	IPMismatch:        {"ip_mismatch", "04"},
	QuotaExhausted:    {"quota_exhausted", "05"},
	OutsideHours:      {"outside_hours", "06"},
	IncompleteRequest: {"incomplete_request", "07"},
	NotProcessable:    {"not_processable", "08"},
	EmptyCredentials:  {"empty_credentials", "09"},
	InvalidIP:         {"invalid_ip", "10"},
	Deceased:          {"deceased", "11"},
	DuplicateRecord:   {"duplicate_record", "12"},
	NotFound:          {"not_found", "13"},
	Inactive:          {"inactive", "14"},
	BadNIKFormat:      {"bad_nik_format", "15"},
	OfficeInactive:    {"office_inactive", "16"},
	UserInactive:      {"user_inactive", "17"},
	Malformed:         {"malformed", ""},
	Timeout:           {"timeout", ""},
	NetworkDown:       {"network_down", ""},
	GatewayError:      {"gateway_error", ""},
	Delivered:         {"delivered", ""},
}

var outcomeByCode = func() map[string]Outcome {
	m := make(map[string]Outcome)
	for o, info := range outcomeTable {
		if info.code != "" {
			m[info.code] = o
		}
	}
	return m
}()

// String returns the outcome's stable lower-case name, such as "not_found".
// The names are stored by the hit counter, so they must not change.
func (o Outcome) String() string {
	if info, ok := outcomeTable[o]; ok {
		return info.name
	}
	return "unknown"
}

// Code returns the gateway's two-digit response code for the outcome
// ("13" for NotFound), or "" for outcomes the kiosk assigns itself.
func (o Outcome) Code() string { return outcomeTable[o].code }

// OutcomeForCode maps a gateway response code ("03", "3" or " 03 ") to its
// outcome, or OutcomeUnknown for a code outside 01-17.
func OutcomeForCode(code string) Outcome {
	code = strings.TrimSpace(code)
	if len(code) == 1 {
		code = "0" + code
	}
	if o, ok := outcomeByCode[code]; ok {
		return o
	}
	return OutcomeUnknown
}

// IsConfigFault reports whether the outcome points at the office's setup
// (credentials, IP registration, quota, hours, account state) rather than
// at the person looked up. These go to the supervisor and to `kiosk doctor`.
func (o Outcome) IsConfigFault() bool {
	switch o {
	case LoginFailed, IPMismatch, QuotaExhausted, OutsideHours, IncompleteRequest,
		EmptyCredentials, InvalidIP, OfficeInactive, UserInactive:
		return true
	}
	return false
}

// IsIdentity reports whether the outcome is about the NIK itself: the
// operator tells the applicant what to do next.
func (o Outcome) IsIdentity() bool {
	switch o {
	case NotProcessable, Deceased, DuplicateRecord, NotFound, Inactive, BadNIKFormat:
		return true
	}
	return false
}

// HasRecord reports whether a reply with this outcome may carry the record.
func (o Outcome) HasRecord() bool {
	switch o {
	case Found, Deceased, DuplicateRecord, Inactive:
		return true
	}
	return false
}

// outcomeTexts maps the error texts of the gateway, lower case with single
// spaces, to outcomes. Older gateways send only a text, no code.
// NOTE: only the first five texts have been seen in replies; the others
// are the kiosk's reading of the code list and need confirming.
var outcomeTexts = map[string]Outcome{
	"data tidak ditemukan":             NotFound,
	"login gagal":                      LoginFailed,
	"ip address tidak sesuai":          IPMismatch,
	"ip client tidak terdaftar":        InvalidIP,
	"kuota akses hari ini telah habis": QuotaExhausted,

	"data ditemukan":                     Found,
	"sukses":                             Found,
	"diluar jam akses":                   OutsideHours,
	"request tidak lengkap":              IncompleteRequest,
	"nik tidak dapat diproses":           NotProcessable,
	"user id, password atau ip kosong":   EmptyCredentials,
	"ip address tidak valid":             InvalidIP,
	"data ditemukan, status meninggal":   Deceased,
	"data ditemukan, data ganda":         DuplicateRecord,
	"data ditemukan, status tidak aktif": Inactive,
	"nik tidak sesuai format dukcapil":   BadNIKFormat,
	"lembaga tidak aktif":                OfficeInactive,
	"user id tidak aktif":                UserInactive,
}

// outcomeForText maps an error text, compared case-insensitively and with
// runs of white space read as one space ("IP Client  Tidak terdaftar").
func outcomeForText(text string) (Outcome, bool) {
	if text == "" {
		return OutcomeUnknown, false
	}
	key := strings.ToLower(strings.Join(strings.Fields(text), " "))
	o, ok := outcomeTexts[key]
	return o, ok
}
