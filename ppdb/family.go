package ppdb

import (
	"strings"
	"time"
)

// FamilyVerdict is the outcome of comparing a parent's No KK with the
// student's.
type FamilyVerdict int

const (
	FamilyUnknown   FamilyVerdict = iota // a No KK is missing or invalid
	FamilyLinked                         // both are on the same Kartu Keluarga
	FamilyNotLinked                      // the two No KK differ
)

// Code returns a stable, language-neutral code for the verdict.
func (f FamilyVerdict) Code() string {
	switch f {
	case FamilyLinked:
		return "linked"
	case FamilyNotLinked:
		return "not-linked"
	}
	return "unknown"
}

// CheckFamilyLink compares the No KK of the parent whose e-KTP was verified
// with the student's. A student without an e-KTP is linked to the parent
// only when both are on one Kartu Keluarga. Spaces, dots and hyphens typed
// inside a number are ignored. A missing or invalid No KK gives
// FamilyUnknown, because the link cannot be judged.
func CheckFamilyLink(parentKK, studentKK string) FamilyVerdict {
	parent, student := compactNumber(parentKK), compactNumber(studentKK)
	if ValidateNoKK(parent, "") != nil || ValidateNoKK(student, "") != nil {
		return FamilyUnknown
	}
	if parent != student {
		return FamilyNotLinked
	}
	return FamilyLinked
}

// compactNumber removes the separators people type inside long numbers.
func compactNumber(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '.', '-', '\t':
			return -1
		}
		return r
	}, s)
}

// Warning is a language-neutral code for a finding that the operator
// should look at but that does not reject the registration.
type Warning string

const (
	// WarnNIKInvalid: the record's NIK does not parse, so its birth date
	// and sex cannot be compared.
	WarnNIKInvalid Warning = "nik-invalid"
	// WarnNIKBirthDate: the birth date encoded in the NIK differs from the
	// record's date of birth.
	WarnNIKBirthDate Warning = "nik-birth-date"
	// WarnNIKSex: the sex encoded in the NIK (day plus 40 for women)
	// differs from the record's jenis kelamin.
	WarnNIKSex Warning = "nik-sex"
)

// CheckNIKConsistency compares the birth date and sex encoded in a parsed
// NIK with the record. The NIK holds a two-digit year, so the years are
// compared modulo 100. A zero recordBirth or SexUnknown skips that check,
// and the zero NIK (not parsed) skips both. A difference is a warning only,
// because the operator decides which of the two is wrong.
func CheckNIKConsistency(nik NIK, recordBirth time.Time, recordSex Sex) []Warning {
	if nik.BirthDate.IsZero() {
		return nil
	}

	var warnings []Warning
	if !recordBirth.IsZero() && !sameDayMonthYY(nik.BirthDate, recordBirth) {
		warnings = append(warnings, WarnNIKBirthDate)
	}
	if recordSex != SexUnknown && nik.Female != (recordSex == SexFemale) {
		warnings = append(warnings, WarnNIKSex)
	}
	return warnings
}

func sameDayMonthYY(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ad == bd && am == bm && ay%100 == by%100
}
