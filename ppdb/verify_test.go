package ppdb

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// inventedStudent is a made-up record: region 33 13 01, born 15 July 2013,
// a boy, on an invented Kartu Keluarga.
func inventedStudent() Resident {
	return Resident{
		NoKK:       "3313011507180003",
		NIK:        "3313011507130001",
		Name:       "MUHAMMAD RIZKY PRATAMA",
		Sex:        SexMale,
		BirthPlace: "KARANGANYAR",
		BirthDate:  date(2013, 7, 15),
		Address:    inventedAddress,
	}
}

func TestVerifyAllMatch(t *testing.T) {
	claims := Claims{
		Name:       "Muh. Rizky Pratama",
		BirthPlace: "Kab. Karanganyar",
		BirthDate:  date(2013, 7, 15),
		Sex:        SexMale,
		Address:    "Jl. Mawar Kuning 7 RT 2 RW 5 Jatirejo Kebakkramat",
		NoKK:       "3313 0115 0718 0003",
		Level:      LevelSMP,
	}
	opts := DefaultVerifyOptions(2026)
	opts.ParentNoKK = "3313011507180003"

	got := Verify(claims, inventedStudent(), opts).Summary()
	want := []string{
		"name:match:100",
		"birth-place:match:100",
		"birth-date:match:100",
		"sex:match:100",
		"address:match:100",
		"no-kk:match:100",
		"age:allowed",
		"family:linked",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Summary =\n%q\nwant\n%q", got, want)
	}
}

func TestVerifyDifferences(t *testing.T) {
	record := inventedStudent()
	record.Sex = SexFemale // the NIK encodes a man
	claims := Claims{
		Name:      "M. Pratama",
		BirthDate: date(2013, 3, 7), // day and month both differ
		Sex:       SexMale,
		NoKK:      "3313011507180004",
		Level:     LevelSD,
	}
	opts := DefaultVerifyOptions(2026)
	opts.ParentNoKK = "3372011507180003"

	report := Verify(claims, record, opts)
	got := report.Summary()
	want := []string{
		"name:near-match:80:missing-word",
		"birth-place:not-checked",
		"birth-date:mismatch:0:day,month",
		"sex:mismatch:0",
		"address:not-checked",
		"no-kk:mismatch:0",
		"age:allowed",
		"nik:nik-sex",
		"family:not-linked",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Summary =\n%q\nwant\n%q", got, want)
	}
	if !slices.Equal(report.Name.Differences, []string{"/RIZKY"}) {
		t.Errorf("name differences = %q, want [/RIZKY]", report.Name.Differences)
	}
}

func TestVerifyEmptyClaims(t *testing.T) {
	got := Verify(Claims{}, inventedStudent(), VerifyOptions{}).Summary()
	want := []string{
		"name:not-checked",
		"birth-place:not-checked",
		"birth-date:not-checked",
		"sex:not-checked",
		"address:not-checked",
		"no-kk:not-checked",
		"age:not-checked",
		"family:unknown",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Summary =\n%q\nwant\n%q", got, want)
	}
}

func TestVerifyAgeUsesRecordBirthDate(t *testing.T) {
	// The claimed birth year 2020 is young enough for SD. The record's 2013 is not.
	claims := Claims{BirthDate: date(2020, 7, 1), Level: LevelSD}
	report := Verify(claims, inventedStudent(), DefaultVerifyOptions(2026))
	if report.Age.Years != 12 {
		t.Errorf("age %d years, want 12 from the record", report.Age.Years)
	}

	withoutDate := inventedStudent()
	withoutDate.BirthDate = time.Time{}
	report = Verify(claims, withoutDate, DefaultVerifyOptions(2026))
	if report.Age.Status != AgeAllowed || report.Age.Years != 6 {
		t.Errorf("record without date: %s at %d years, want allowed at 6 from the claim", report.Age.Status.Code(), report.Age.Years)
	}
}

func TestVerifyInvalidRecordNIK(t *testing.T) {
	record := inventedStudent()
	record.NIK = "3313013207130001" // day 32 does not exist
	report := Verify(Claims{}, record, VerifyOptions{})
	if !slices.Equal(report.NIKWarnings, []Warning{WarnNIKInvalid}) {
		t.Errorf("NIKWarnings = %v, want [nik-invalid]", report.NIKWarnings)
	}
}

func TestReportPrintsNoPersonalData(t *testing.T) {
	record := inventedStudent()
	claims := Claims{
		Name:       "RIZKY PRATAMA PUTRA",
		BirthPlace: "SURAKARTA",
		BirthDate:  date(2013, 7, 16),
		Address:    "Jl. Melati 12 Ngringo",
		NoKK:       "3313011507180004",
		Level:      LevelSMP,
	}
	report := Verify(claims, record, DefaultVerifyOptions(2026))

	printed := strings.Join(report.Summary(), "\n") +
		fmt.Sprintf("%v %+v %#v %s", report, report, report, report) +
		fmt.Sprintf("%v %+v %#v", claims, claims, claims) +
		fmt.Sprintf("%v %#v", report.Name, report.Age)
	secrets := []string{
		"RIZKY", "PRATAMA", "PUTRA", "MUHAMMAD", "KARANGANYAR", "SURAKARTA",
		"MAWAR", "MELATI", "NGRINGO", "JATIREJO", "3313", "2013",
	}
	for _, s := range secrets {
		if strings.Contains(strings.ToUpper(printed), s) {
			t.Errorf("printed report contains %q:\n%s", s, printed)
		}
	}
}
