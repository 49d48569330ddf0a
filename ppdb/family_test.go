package ppdb

import (
	"slices"
	"testing"
	"time"
)

func TestCheckFamilyLink(t *testing.T) {
	const kk = "3313011507180003" // invented
	cases := []struct {
		name            string
		parent, student string
		want            FamilyVerdict
	}{
		{"same", kk, kk, FamilyLinked},
		{"same with spaces", "3313 0115 0718 0003", kk, FamilyLinked},
		{"same with dots", kk, "3313.0115.0718.0003", FamilyLinked},
		{"last digit differs", kk, "3313011507180004", FamilyNotLinked},
		{"other regency", kk, "3372011507180003", FamilyNotLinked},
		{"parent missing", "", kk, FamilyUnknown},
		{"student missing", kk, "", FamilyUnknown},
		{"both missing", "", "", FamilyUnknown},
		{"blank", "   ", kk, FamilyUnknown},
		{"too short", "331301150718000", kk, FamilyUnknown},
		{"letters", kk, "33130115071800O3", FamilyUnknown},
		{"zero region", "0013011507180003", "0013011507180003", FamilyUnknown},
	}
	for _, c := range cases {
		if got := CheckFamilyLink(c.parent, c.student); got != c.want {
			t.Errorf("%s: CheckFamilyLink = %s, want %s", c.name, got.Code(), c.want.Code())
		}
	}
}

func TestCheckNIKConsistency(t *testing.T) {
	// Invented NIKs: region 33 13 01, born 15 July 2010, serial 0001; the
	// woman's day is 15 + 40 = 55.
	man := mustParseNIK(t, "3313011507100001")
	woman := mustParseNIK(t, "3313015507100002")
	born := date(2010, 7, 15)

	cases := []struct {
		name  string
		nik   NIK
		birth time.Time
		sex   Sex
		want  []Warning
	}{
		{"consistent man", man, born, SexMale, nil},
		{"consistent woman", woman, born, SexFemale, nil},
		{"record a day later", man, date(2010, 7, 16), SexMale, []Warning{WarnNIKBirthDate}},
		{"record another month", man, date(2010, 8, 15), SexMale, []Warning{WarnNIKBirthDate}},
		{"record another year", man, date(2011, 7, 15), SexMale, []Warning{WarnNIKBirthDate}},
		{"record a century apart", man, date(1910, 7, 15), SexMale, nil},
		{"man recorded female", man, born, SexFemale, []Warning{WarnNIKSex}},
		{"woman recorded male", woman, born, SexMale, []Warning{WarnNIKSex}},
		{"both differ", woman, date(2010, 7, 14), SexMale, []Warning{WarnNIKBirthDate, WarnNIKSex}},
		{"no record date", man, time.Time{}, SexFemale, []Warning{WarnNIKSex}},
		{"no record sex", man, date(2010, 7, 16), SexUnknown, []Warning{WarnNIKBirthDate}},
		{"unparsed NIK", NIK{}, date(2001, 1, 1), SexFemale, nil},
	}
	for _, c := range cases {
		got := CheckNIKConsistency(c.nik, c.birth, c.sex)
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: CheckNIKConsistency = %v, want %v", c.name, got, c.want)
		}
	}
}

func mustParseNIK(t *testing.T, s string) NIK {
	t.Helper()
	nik, err := ParseNIK(s)
	if err != nil {
		t.Fatalf("ParseNIK: %v", err)
	}
	return nik
}
