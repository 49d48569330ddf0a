package ppdb

import (
	"testing"
	"time"
)

func date(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func TestParseLevel(t *testing.T) {
	cases := map[string]Level{"SD": LevelSD, " smp ": LevelSMP, "Sma": LevelSMA, "SMK": LevelSMK}
	for in, want := range cases {
		got, err := ParseLevel(in)
		if err != nil || got != want {
			t.Errorf("ParseLevel(%q) = %v, %v, want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "TK", "S D", "SMA/SMK"} {
		if _, err := ParseLevel(in); err == nil {
			t.Errorf("ParseLevel(%q) accepted, want error", in)
		}
	}
}

func TestAgeOn(t *testing.T) {
	cases := []struct {
		birth, on     time.Time
		years, months int
	}{
		{date(2020, 7, 1), date(2026, 7, 1), 6, 0},
		{date(2020, 7, 2), date(2026, 7, 1), 5, 11},
		{date(2020, 12, 31), date(2026, 7, 1), 5, 6},
		{date(2020, 12, 31), date(2026, 6, 30), 5, 5},
		{date(2020, 2, 29), date(2021, 2, 28), 0, 11},
		{date(2020, 2, 29), date(2021, 3, 1), 1, 0},
		{date(2020, 2, 29), date(2024, 2, 29), 4, 0},
		{date(2021, 1, 31), date(2021, 2, 28), 0, 0},
		{date(2021, 1, 31), date(2021, 3, 1), 0, 1},
		{date(2026, 7, 2), date(2026, 7, 1), 0, 0},
	}
	for _, c := range cases {
		y, m := AgeOn(c.birth, c.on)
		if y != c.years || m != c.months {
			t.Errorf("AgeOn(%s, %s) = %d years %d months, want %d, %d",
				c.birth.Format(time.DateOnly), c.on.Format(time.DateOnly), y, m, c.years, c.months)
		}
	}
}

func TestAgeOnIgnoresTimeOfDay(t *testing.T) {
	jakarta := time.FixedZone("WIB", 7*3600)
	birth := time.Date(2020, 7, 1, 23, 30, 0, 0, jakarta)
	on := time.Date(2026, 7, 1, 0, 5, 0, 0, jakarta)
	if y, m := AgeOn(birth, on); y != 6 || m != 0 {
		t.Errorf("AgeOn = %d years %d months, want 6 years 0 months", y, m)
	}
}

func TestCheckAgeBoundaryDays(t *testing.T) {
	rules := DefaultAgeRules()
	cases := []struct {
		level Level
		birth time.Time
		want  AgeStatus
	}{
		// SD in 2026: at least 6 on 1 July 2026, or 5 years 6 months with an exception.
		{LevelSD, date(2020, 6, 30), AgeAllowed},
		{LevelSD, date(2020, 7, 1), AgeAllowed},
		{LevelSD, date(2020, 7, 2), AgeNeedsException},
		{LevelSD, date(2020, 12, 31), AgeNeedsException},
		{LevelSD, date(2021, 1, 1), AgeNeedsException},
		{LevelSD, date(2021, 1, 2), AgeTooYoung},
		{LevelSD, date(2020, 2, 29), AgeAllowed},
		{LevelSD, date(2026, 7, 2), AgeTooYoung},
		{LevelSD, date(2012, 1, 1), AgeAllowed},

		// SMP in 2026: at most 15, so not yet 16 on 1 July 2026.
		{LevelSMP, date(2010, 6, 30), AgeTooOld},
		{LevelSMP, date(2010, 7, 1), AgeTooOld},
		{LevelSMP, date(2010, 7, 2), AgeAllowed},
		{LevelSMP, date(2014, 3, 1), AgeAllowed},

		// SMA and SMK in 2026: not yet 22 on 1 July 2026.
		{LevelSMA, date(2004, 7, 1), AgeTooOld},
		{LevelSMA, date(2004, 7, 2), AgeAllowed},
		{LevelSMK, date(2004, 6, 30), AgeTooOld},
		{LevelSMK, date(2004, 7, 2), AgeAllowed},
		{LevelSMK, date(2004, 2, 29), AgeTooOld},
	}
	for _, c := range cases {
		got := CheckAge(c.level, c.birth, 2026, rules)
		if got.Status != c.want {
			t.Errorf("CheckAge(%s, born %s, 2026) = %s (%d years %d months), want %s",
				c.level, c.birth.Format(time.DateOnly), got.Status.Code(), got.Years, got.Months, c.want.Code())
		}
	}
}

func TestCheckAgeLeapDayBirthSMP(t *testing.T) {
	// Born 29 February 2012: 16 in 2028 (a leap year) since 29 February,
	// and for 2027 the 15th birthday fell on 1 March 2027.
	if got := CheckAge(LevelSMP, date(2012, 2, 29), 2028, DefaultAgeRules()); got.Status != AgeTooOld {
		t.Errorf("2028: %s, want too-old", got.Status.Code())
	}
	if got := CheckAge(LevelSMP, date(2012, 2, 29), 2027, DefaultAgeRules()); got.Status != AgeAllowed || got.Years != 15 {
		t.Errorf("2027: %s at %d years, want allowed at 15", got.Status.Code(), got.Years)
	}
}

func TestCheckAgeReferenceDate(t *testing.T) {
	got := CheckAge(LevelSD, date(2020, 7, 1), 2026, DefaultAgeRules())
	if !got.On.Equal(date(2026, 7, 1)) {
		t.Errorf("reference date = %s, want 2026-07-01", got.On.Format(time.DateOnly))
	}
	if got.Years != 6 || got.Months != 0 {
		t.Errorf("age = %d years %d months, want 6, 0", got.Years, got.Months)
	}
}

func TestCheckAgeCustomRules(t *testing.T) {
	rules := DefaultAgeRules()
	rules.ReferenceMonth, rules.ReferenceDay = time.June, 1
	rules.SMPMaxYears = 14
	if got := CheckAge(LevelSMP, date(2011, 6, 2), 2026, rules); got.Status != AgeAllowed {
		t.Errorf("14 years 11 months on 1 June: %s, want allowed", got.Status.Code())
	}
	if got := CheckAge(LevelSMP, date(2011, 6, 1), 2026, rules); got.Status != AgeTooOld {
		t.Errorf("15 on 1 June: %s, want too-old", got.Status.Code())
	}
}

func TestCheckAgeNotChecked(t *testing.T) {
	cases := []struct {
		name  string
		level Level
		birth time.Time
		year  int
	}{
		{"no birth date", LevelSD, time.Time{}, 2026},
		{"no level", LevelUnknown, date(2020, 1, 1), 2026},
		{"no year", LevelSD, date(2020, 1, 1), 0},
	}
	for _, c := range cases {
		if got := CheckAge(c.level, c.birth, c.year, AgeRules{}); got.Status != AgeNotChecked {
			t.Errorf("%s: %s, want not-checked", c.name, got.Status.Code())
		}
	}
}

func TestCheckAgeZeroRulesAreDefault(t *testing.T) {
	got := CheckAge(LevelSMP, date(2010, 7, 1), 2026, AgeRules{})
	if got.Status != AgeTooOld {
		t.Errorf("zero rules: %s, want too-old as with DefaultAgeRules", got.Status.Code())
	}
}

func TestAgeVerdictStringHidesAge(t *testing.T) {
	v := CheckAge(LevelSD, date(2020, 7, 1), 2026, DefaultAgeRules())
	if s := v.String(); s != "ppdb.AgeVerdict{allowed}" {
		t.Errorf("String = %q, want status only", s)
	}
}
