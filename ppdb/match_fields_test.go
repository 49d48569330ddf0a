package ppdb

import (
	"slices"
	"testing"
	"time"
)

func TestMatchDates(t *testing.T) {
	recorded := date(2012, 3, 5)
	cases := []struct {
		name    string
		claimed time.Time
		status  VerdictStatus
		kinds   []DifferenceKind
	}{
		{"equal", date(2012, 3, 5), VerdictMatch, nil},
		{"equal at another hour", time.Date(2012, 3, 5, 17, 0, 0, 0, time.UTC), VerdictMatch, nil},
		{"day and month swapped", date(2012, 5, 3), VerdictNearMatch, []DifferenceKind{DiffDayMonth}},
		{"day only", date(2012, 3, 6), VerdictNearMatch, []DifferenceKind{DiffDay}},
		{"month only", date(2012, 4, 5), VerdictNearMatch, []DifferenceKind{DiffMonth}},
		{"year only", date(2011, 3, 5), VerdictNearMatch, []DifferenceKind{DiffYear}},
		{"day and year", date(2011, 3, 6), VerdictMismatch, []DifferenceKind{DiffDay, DiffYear}},
		{"swapped in another year", date(2011, 5, 3), VerdictMismatch, []DifferenceKind{DiffDay, DiffMonth, DiffYear}},
		{"no claim", time.Time{}, VerdictNotChecked, nil},
	}
	for _, c := range cases {
		got := MatchDates(c.claimed, recorded)
		if got.Status != c.status {
			t.Errorf("%s: status %s, want %s", c.name, got.Status.Code(), c.status.Code())
		}
		if !slices.Equal(got.Kinds, c.kinds) {
			t.Errorf("%s: kinds %v, want %v", c.name, got.Kinds, c.kinds)
		}
	}
	if got := MatchDates(recorded, time.Time{}); got.Status != VerdictNotChecked {
		t.Errorf("no record: status %s, want not-checked", got.Status.Code())
	}
}

func TestMatchSex(t *testing.T) {
	cases := []struct {
		claimed, recorded Sex
		want              VerdictStatus
	}{
		{SexMale, SexMale, VerdictMatch},
		{SexFemale, SexFemale, VerdictMatch},
		{SexMale, SexFemale, VerdictMismatch},
		{SexUnknown, SexFemale, VerdictNotChecked},
		{SexMale, SexUnknown, VerdictNotChecked},
	}
	for _, c := range cases {
		if got := MatchSex(c.claimed, c.recorded); got.Status != c.want {
			t.Errorf("MatchSex(%d, %d) = %s, want %s", c.claimed, c.recorded, got.Status.Code(), c.want.Code())
		}
	}
}

func TestMatchNoKK(t *testing.T) {
	const kk = "3313011507180003" // invented
	cases := []struct {
		claimed string
		want    VerdictStatus
	}{
		{kk, VerdictMatch},
		{"3313 0115 0718 0003", VerdictMatch},
		{" 3313-0115-0718-0003 ", VerdictMatch},
		{"3313011507180030", VerdictMismatch},
		{"331301150718000", VerdictMismatch},
		{"", VerdictNotChecked},
	}
	for _, c := range cases {
		if got := MatchNoKK(c.claimed, kk); got.Status != c.want {
			t.Errorf("MatchNoKK(%q) = %s, want %s", c.claimed, got.Status.Code(), c.want.Code())
		}
	}
	if got := MatchNoKK(kk, ""); got.Status != VerdictNotChecked {
		t.Errorf("empty record: %s, want not-checked", got.Status.Code())
	}
}

// inventedAddress is a made-up address in Kabupaten Karanganyar.
var inventedAddress = Address{
	Street:    "JL. MAWAR KUNING NO. 7",
	RT:        "002",
	RW:        "005",
	Kelurahan: "JATIREJO",
	Kecamatan: "KEBAKKRAMAT",
	Kabupaten: "KAB. KARANGANYAR",
	Province:  "JAWA TENGAH",
}

func TestMatchAddress(t *testing.T) {
	cases := []struct {
		name    string
		claimed string
		status  VerdictStatus
		kinds   []DifferenceKind
	}{
		{"full", "Jl. Mawar Kuning No. 7 RT 02 RW 05 Jatirejo Kebakkramat", VerdictMatch, nil},
		{"RT/RW with slash", "MAWAR KUNING 7 RT/RW 002/005 DESA JATIREJO", VerdictMatch, nil},
		{"RT.RW dotted", "Mawar Kuning RT.2/RW.5 Kel. Jatirejo Kec. Kebakkramat Kab. Karanganyar", VerdictMatch, nil},
		{"glued RT", "MAWAR KUNING RT02 RW05 JATIREJO", VerdictMatch, nil},
		{"typo in the street", "Jl. Mawar Kunig 7 RT 2 RW 5 Jatirejo", VerdictMatch, []DifferenceKind{DiffSpelling}},
		{"other RT", "Mawar Kuning 7 RT 3 RW 5 Jatirejo", VerdictNearMatch, []DifferenceKind{DiffRT}},
		{"no kelurahan", "Mawar Kuning 7 RT 2 RW 5", VerdictNearMatch, []DifferenceKind{DiffKelurahan}},
		{"other street and village", "Jl. Melati 12 RT 1 RW 1 Ngringo Jaten", VerdictMismatch, []DifferenceKind{DiffExtra, DiffRT, DiffRW, DiffKelurahan}},
		{"empty", "  ", VerdictNotChecked, nil},
	}
	for _, c := range cases {
		got := MatchAddress(c.claimed, inventedAddress, DefaultMatchThreshold)
		if got.Status != c.status {
			t.Errorf("%s: status %s score %d %q, want %s", c.name, got.Status.Code(), got.Score, got.Differences, c.status.Code())
		}
		if !slices.Equal(got.Kinds, c.kinds) {
			t.Errorf("%s: kinds %v, want %v", c.name, got.Kinds, c.kinds)
		}
	}
	if got := MatchAddress("MAWAR", Address{}, DefaultMatchThreshold); got.Status != VerdictNotChecked {
		t.Errorf("empty record: %s, want not-checked", got.Status.Code())
	}
}

func TestParseAddressRTRW(t *testing.T) {
	cases := []struct{ in, rt, rw string }{
		{"RT 02 RW 05", "2", "5"},
		{"RT.002/RW.005", "2", "5"},
		{"RT/RW 2/5", "2", "5"},
		{"RT02 RW005", "2", "5"},
		{"RT 000", "0", ""},
		{"NO 7", "", ""},
	}
	for _, c := range cases {
		got := parseAddress(c.in)
		if got.rt != c.rt || got.rw != c.rw {
			t.Errorf("parseAddress(%q) RT %q RW %q, want %q %q", c.in, got.rt, got.rw, c.rt, c.rw)
		}
	}
}
