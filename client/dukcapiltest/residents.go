package dukcapiltest

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Status is the fake gateway's CALL_NIK result for a resident.
type Status string

const (
	StatusFound     Status = "found"     // 01
	StatusDeceased  Status = "deceased"  // 11
	StatusDuplicate Status = "duplicate" // 12
	StatusInactive  Status = "inactive"  // 14
	StatusNotFound  Status = "not_found" // 13, the resident exists only on a card
)

// Resident is a made-up person of the fake gateway: the nine data elements
// as the kiosk keeps them, the extra fields a real reply carries (which the
// client must drop), and a Label for the demo's list of cards. Every NIK
// and name is invented and matches no real person.
type Resident struct {
	Label  string
	Status Status

	NoKK          string
	NIK           string
	Name          string
	Sex           string
	BirthPlace    string
	BirthDate     time.Time
	MaritalStatus string
	Occupation    string
	Street        string
	RT            string
	RW            string
	Kelurahan     string
	Kecamatan     string
	Kabupaten     string
	Province      string

	// Extras are the keys outside the nine elements (NAMA_LGKP_IBU, AGAMA,
	// GOL_DARAH, ...) with their non-empty values.
	Extras map[string]string
}

//go:embed residents.json
var residentsJSON []byte

// residentEntry is one element of residents.json. Record is kept raw and
// sent as it is, so numbers stay numbers and the date keeps its format.
type residentEntry struct {
	Label  string          `json:"label"`
	Status Status          `json:"status"`
	Record json.RawMessage `json:"record"`
}

// elementKeys are the record keys of the nine data elements.
var elementKeys = map[string]bool{
	"NO_KK": true, "NIK": true, "NAMA_LGKP": true, "JENIS_KLMIN": true, "TMPT_LHR": true,
	"TGL_LHR": true, "STATUS_KAWIN": true, "JENIS_PKRJN": true, "ALAMAT": true, "NO_RT": true,
	"NO_RW": true, "KEL_NAME": true, "KEC_NAME": true, "KAB_NAME": true, "PROP_NAME": true,
}

// Residents returns a fresh copy of the made-up residents, in file order.
func Residents() []Resident {
	entries := loadEntries()
	residents := make([]Resident, 0, len(entries))
	for _, e := range entries {
		residents = append(residents, e.resident)
	}
	return residents
}

type loadedEntry struct {
	resident Resident
	record   map[string]json.RawMessage
}

// loadEntries parses the embedded file. It panics on a broken file,
// because the file is part of the package and a test covers it.
func loadEntries() []loadedEntry {
	var entries []residentEntry
	if err := json.Unmarshal(residentsJSON, &entries); err != nil {
		panic(fmt.Sprintf("dukcapiltest: residents.json is invalid: %v", err))
	}

	loaded := make([]loadedEntry, 0, len(entries))
	for i, e := range entries {
		var record map[string]json.RawMessage
		if err := json.Unmarshal(e.Record, &record); err != nil {
			panic(fmt.Sprintf("dukcapiltest: residents.json entry %d: %v", i, err))
		}
		r, err := residentFromRecord(record)
		if err != nil {
			panic(fmt.Sprintf("dukcapiltest: residents.json entry %d: %v", i, err))
		}
		r.Label, r.Status = e.Label, e.Status
		loaded = append(loaded, loadedEntry{resident: r, record: record})
	}
	return loaded
}

func residentFromRecord(record map[string]json.RawMessage) (Resident, error) {
	value := func(key string) string { return rawText(record[key]) }

	birth, err := parseDate(value("TGL_LHR"))
	if err != nil {
		return Resident{}, err
	}
	r := Resident{
		NoKK: value("NO_KK"), NIK: value("NIK"), Name: value("NAMA_LGKP"), Sex: value("JENIS_KLMIN"),
		BirthPlace: value("TMPT_LHR"), BirthDate: birth, MaritalStatus: value("STATUS_KAWIN"),
		Occupation: value("JENIS_PKRJN"), Street: value("ALAMAT"), RT: value("NO_RT"), RW: value("NO_RW"),
		Kelurahan: value("KEL_NAME"), Kecamatan: value("KEC_NAME"), Kabupaten: value("KAB_NAME"),
		Province: value("PROP_NAME"),
		Extras:   make(map[string]string),
	}
	for key, raw := range record {
		if v := rawText(raw); !elementKeys[key] && v != "" {
			r.Extras[key] = v
		}
	}
	return r, nil
}

// rawText returns a JSON string's text, a number's digits, or "" for null.
func rawText(raw json.RawMessage) string {
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return ""
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s
	}
	return strings.TrimSpace(string(raw))
}

func parseDate(s string) (time.Time, error) {
	for _, layout := range []string{"02-01-2006", "02.01.2006", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("TGL_LHR %q is in no known format", s)
}
