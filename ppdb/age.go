package ppdb

import (
	"fmt"
	"time"
)

// Level is the school level an applicant applies for.
type Level int

const (
	LevelUnknown Level = iota
	LevelSD            // Sekolah Dasar, primary
	LevelSMP           // Sekolah Menengah Pertama, lower secondary
	LevelSMA           // Sekolah Menengah Atas, upper secondary
	LevelSMK           // Sekolah Menengah Kejuruan, vocational upper secondary
)

// String returns the level's abbreviation (SD, SMP, SMA, SMK) or "?".
func (l Level) String() string {
	switch l {
	case LevelSD:
		return "SD"
	case LevelSMP:
		return "SMP"
	case LevelSMA:
		return "SMA"
	case LevelSMK:
		return "SMK"
	}
	return "?"
}

// ParseLevel reads a level abbreviation in any case, with spaces around it.
func ParseLevel(s string) (Level, error) {
	switch normalizeUpper(s) {
	case "SD":
		return LevelSD, nil
	case "SMP":
		return LevelSMP, nil
	case "SMA":
		return LevelSMA, nil
	case "SMK":
		return LevelSMK, nil
	}
	return LevelUnknown, fmt.Errorf("invalid level %q: expected SD, SMP, SMA or SMK", s)
}

// AgeLimit is an age in completed years and months.
type AgeLimit struct{ Years, Months int }

func (a AgeLimit) inMonths() int { return a.Years*12 + a.Months }

// AgeRules are the age limits of one admission year. The office may change
// them from year to year, so callers pass the rules of the year in
// question.
type AgeRules struct {
	// ReferenceMonth and ReferenceDay give the date in the admission year
	// on which the age is counted. A day that does not exist in that year
	// (29 February) rolls over to the next day that does.
	ReferenceMonth time.Month
	ReferenceDay   int

	SDMin          AgeLimit // SD: at least this age
	SDExceptionMin AgeLimit // SD: younger than SDMin but at least this age needs an exception
	SMPMaxYears    int      // SMP: completed years at most this, so not yet one more
	SMAMaxYears    int      // SMA: completed years at most this
	SMKMaxYears    int      // SMK: completed years at most this
}

// DefaultAgeRules returns the usual PPDB limits, counted on 1 July. SD
// needs at least 6 years, or 5 years 6 months with an exception. SMP
// allows at most 15 completed years, SMA and SMK at most 21.
func DefaultAgeRules() AgeRules {
	return AgeRules{
		ReferenceMonth: time.July,
		ReferenceDay:   1,
		SDMin:          AgeLimit{Years: 6},
		SDExceptionMin: AgeLimit{Years: 5, Months: 6},
		SMPMaxYears:    15,
		SMAMaxYears:    21,
		SMKMaxYears:    21,
	}
}

// AgeStatus is the outcome of the age rule.
type AgeStatus int

const (
	AgeNotChecked     AgeStatus = iota // no birth date, level or admission year
	AgeAllowed                         // within the limits of the level
	AgeNeedsException                  // SD applicant between the exception and the normal minimum
	AgeTooYoung                        // below the minimum, or born after the reference date
	AgeTooOld                          // above the maximum of the level
)

// Code returns a stable, language-neutral code for the status.
func (s AgeStatus) Code() string {
	switch s {
	case AgeAllowed:
		return "allowed"
	case AgeNeedsException:
		return "needs-exception"
	case AgeTooYoung:
		return "too-young"
	case AgeTooOld:
		return "too-old"
	}
	return "not-checked"
}

// AgeVerdict is the age rule applied to one applicant.
type AgeVerdict struct {
	Status AgeStatus
	Years  int       // completed years on the reference date
	Months int       // completed months beyond Years
	On     time.Time // the reference date
}

// String prints the status only, so that a verdict passed to a logger by
// mistake does not reveal the applicant's age.
func (v AgeVerdict) String() string { return "ppdb.AgeVerdict{" + v.Status.Code() + "}" }

// GoString hides the age from %#v as well.
func (v AgeVerdict) GoString() string { return v.String() }

// AgeOn returns the age of someone born on birth at the date on, in
// completed years and months. Only the calendar dates count, not the time
// of day. A monthly anniversary whose day does not exist falls on the first
// of the next month, so someone born on 29 February turns a year older on
// 1 March in common years. A birth after on returns 0, 0.
func AgeOn(birth, on time.Time) (years, months int) {
	by, bm, bd := birth.Date()
	oy, om, od := on.Date()

	total := (oy-by)*12 + int(om) - int(bm)
	if od < bd {
		total--
	}
	if total < 0 {
		return 0, 0
	}
	return total / 12, total % 12
}

// CheckAge applies the age rule of level on the reference date of the
// admission year. The zero AgeRules means DefaultAgeRules.
func CheckAge(level Level, birth time.Time, admissionYear int, rules AgeRules) AgeVerdict {
	if rules == (AgeRules{}) {
		rules = DefaultAgeRules()
	}
	if birth.IsZero() || admissionYear == 0 || level == LevelUnknown {
		return AgeVerdict{Status: AgeNotChecked}
	}

	on := time.Date(admissionYear, rules.ReferenceMonth, rules.ReferenceDay, 0, 0, 0, 0, time.UTC)
	years, months := AgeOn(birth, on)
	v := AgeVerdict{Years: years, Months: months, On: on}
	age := AgeLimit{years, months}.inMonths()

	switch {
	case birthAfter(birth, on):
		v.Status = AgeTooYoung
	case level == LevelSD && age >= rules.SDMin.inMonths():
		v.Status = AgeAllowed
	case level == LevelSD && age >= rules.SDExceptionMin.inMonths():
		v.Status = AgeNeedsException
	case level == LevelSD:
		v.Status = AgeTooYoung
	case years > maxYears(level, rules):
		v.Status = AgeTooOld
	default:
		v.Status = AgeAllowed
	}
	return v
}

func maxYears(level Level, rules AgeRules) int {
	switch level {
	case LevelSMP:
		return rules.SMPMaxYears
	case LevelSMA:
		return rules.SMAMaxYears
	}
	return rules.SMKMaxYears
}

// birthAfter compares calendar dates, ignoring time of day and location.
func birthAfter(birth, on time.Time) bool {
	by, bm, bd := birth.Date()
	oy, om, od := on.Date()
	return time.Date(by, bm, bd, 0, 0, 0, 0, time.UTC).After(time.Date(oy, om, od, 0, 0, 0, 0, time.UTC))
}
