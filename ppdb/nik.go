// Package ppdb holds the domain of a PPDB registration: the identifiers of
// Indonesian population administration (NIK, No KK), the nine data elements
// the data-sharing agreement allows, the balikan record and the registration
// state machine. It imports no other package of the kiosk, so the TUI, the
// SSH support view and the tests share one set of rules.
package ppdb

import (
	"fmt"
	"strconv"
	"time"
)

// NIKProblem names why a typed or decoded NIK is invalid. The TUI maps each
// problem to a catalog message; the values never contain the NIK itself, so
// they are safe to log.
type NIKProblem string

const (
	NIKEmpty      NIKProblem = "empty"
	NIKLength     NIKProblem = "length"
	NIKNotDigits  NIKProblem = "not-digits"
	NIKRegion     NIKProblem = "region"
	NIKBirthDate  NIKProblem = "birth-date"
	NIKZeroSerial NIKProblem = "zero-serial"
)

// NIKError reports an invalid NIK. Error() leaves the value out on purpose:
// a NIK is population data and must not reach a log.
type NIKError struct {
	Problem NIKProblem
	Length  int // number of characters typed, for NIKLength
}

func (e *NIKError) Error() string {
	if e.Problem == NIKLength {
		return fmt.Sprintf("invalid NIK: %d characters, expected 16 digits", e.Length)
	}
	return "invalid NIK: " + string(e.Problem)
}

// NIK is a parsed Nomor Induk Kependudukan: 16 digits of region code
// (province, regency, kecamatan where first registered), birth date DDMMYY
// with 40 added to the day for women, and a serial 0001-9999.
type NIK struct {
	Value     string
	Province  string // 2 digits, 33 is Jawa Tengah
	Regency   string // 2 digits within the province
	District  string // kecamatan, 2 digits
	BirthDate time.Time
	Female    bool
	Serial    string
}

// RegionCode returns the six-digit region prefix shared by a NIK and the
// No KK of the family it was registered in.
func (n NIK) RegionCode() string { return n.Province + n.Regency + n.District }

// ParseNIK validates s as a NIK. Two-digit birth years are placed in the
// century that keeps the birth date on or before today (UTC).
func ParseNIK(s string) (NIK, error) {
	return parseNIKAt(s, time.Now().UTC())
}

func parseNIKAt(s string, today time.Time) (NIK, error) {
	if err := checkSixteenDigits(s); err != nil {
		return NIK{}, err
	}
	if s[0:2] == "00" || s[2:4] == "00" || s[4:6] == "00" {
		return NIK{}, &NIKError{Problem: NIKRegion}
	}

	day, _ := strconv.Atoi(s[6:8])
	female := day > 40
	if female {
		day -= 40
	}
	month, _ := strconv.Atoi(s[8:10])
	yy, _ := strconv.Atoi(s[10:12])
	birth, ok := resolveBirthDate(day, month, yy, today)
	if !ok {
		return NIK{}, &NIKError{Problem: NIKBirthDate}
	}
	if s[12:16] == "0000" {
		return NIK{}, &NIKError{Problem: NIKZeroSerial}
	}

	return NIK{
		Value:     s,
		Province:  s[0:2],
		Regency:   s[2:4],
		District:  s[4:6],
		BirthDate: birth,
		Female:    female,
		Serial:    s[12:16],
	}, nil
}

func checkSixteenDigits(s string) error {
	if s == "" {
		return &NIKError{Problem: NIKEmpty}
	}
	if !IsDigits(s) {
		return &NIKError{Problem: NIKNotDigits}
	}
	if len(s) != 16 {
		return &NIKError{Problem: NIKLength, Length: len(s)}
	}
	return nil
}

// resolveBirthDate returns the date for day, month and a two-digit year,
// choosing 20yy unless that lies after today. It reports false when the
// date does not exist (31 April, 29 February outside leap years).
func resolveBirthDate(day, month, yy int, today time.Time) (time.Time, bool) {
	year := 2000 + yy
	if year > today.Year() {
		year = 1900 + yy
	}
	if month < 1 || month > 12 || day < 1 || day > 31 {
		return time.Time{}, false
	}
	d := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if d.Day() != day || int(d.Month()) != month {
		return time.Time{}, false
	}
	if d.After(today) {
		d = d.AddDate(-100, 0, 0)
	}
	return d, true
}

// KKProblem names why a No KK is invalid.
type KKProblem string

const (
	KKEmpty     KKProblem = "empty"
	KKLength    KKProblem = "length"
	KKNotDigits KKProblem = "not-digits"
	KKRegion    KKProblem = "region"
	KKSameAsNIK KKProblem = "same-as-nik"
)

// KKError reports an invalid No KK without its value.
type KKError struct{ Problem KKProblem }

func (e *KKError) Error() string { return "invalid No KK: " + string(e.Problem) }

// ValidateNoKK checks a Nomor Kartu Keluarga: 16 digits with a region
// prefix. nik, when not empty, is the NIK typed beside it; the two being
// equal is the usual swapped-field mistake.
func ValidateNoKK(kk, nik string) error {
	if kk == "" {
		return &KKError{Problem: KKEmpty}
	}
	if !IsDigits(kk) {
		return &KKError{Problem: KKNotDigits}
	}
	if len(kk) != 16 {
		return &KKError{Problem: KKLength}
	}
	if kk[0:2] == "00" || kk[2:4] == "00" {
		return &KKError{Problem: KKRegion}
	}
	if nik != "" && kk == nik {
		return &KKError{Problem: KKSameAsNIK}
	}
	return nil
}
