package ppdb

import (
	"testing"
)

const testNIK = "3313041205780003"

func record(values map[BalikanField]string) Balikan {
	b := Balikan{NIK: testNIK}
	for f, v := range values {
		b.Set(f, v)
	}
	return b.Normalize()
}

func TestBalikanValid(t *testing.T) {
	cases := []map[BalikanField]string{
		{FieldIjazah: "DN-03 Dl 0012345"},
		{FieldIjazah: "  dn-03   dl 0012345 "},
		{FieldIjazah: "2-D-SD-13-0012345"},
		{FieldIjazah: "DN-03/D-SMP/13/0012345"},
		{FieldSKPI: "421.2/123/2024"},
		{FieldNUPTK: "1234567890123456"},
		{FieldNUPTK: "1234 5678 9012 3456"},
		{FieldNITK: "6543210987654321"},
		{FieldScholarship: "kip, pkh"},
		{FieldScholarship: "TIDAK"},
		{FieldSchoolName: "SD Negeri 1 Contoh", FieldAccreditation: "a", FieldSchoolAddress: "Jl. Contoh No. 1, Karanganyar"},
		{FieldSchoolName: "MTs Contoh", FieldAccreditation: "Tidak Terakreditasi"},
		{FieldSchoolName: "SMP IT Al-Ikhlas", FieldAccreditation: "unggul"},
	}
	for _, c := range cases {
		b := record(c)
		if errs := b.Validate(); len(errs) > 0 {
			t.Errorf("Validate(%v) = %v, want no errors", c, errs)
		}
	}
}

func TestBalikanNormalize(t *testing.T) {
	b := record(map[BalikanField]string{
		FieldIjazah:        "  dn-03   dl 0012345 ",
		FieldNUPTK:         "1234 5678 9012 3456",
		FieldScholarship:   "kip ; pkh",
		FieldAccreditation: "baik",
		FieldSchoolName:    "  SMP  Negeri 2  ",
	})
	want := map[BalikanField]string{
		FieldIjazah:        "DN-03 DL 0012345",
		FieldNUPTK:         "1234567890123456",
		FieldScholarship:   "KIP,PKH",
		FieldAccreditation: "B",
		FieldSchoolName:    "SMP Negeri 2",
	}
	for f, w := range want {
		if got := b.Get(f); got != w {
			t.Errorf("field %s = %q, want %q", f.DefaultParamKey(), got, w)
		}
	}
	if again := b.Normalize(); again != b {
		t.Errorf("Normalize is not idempotent: %v then %v", b.Values, again.Values)
	}
}

func TestBalikanInvalid(t *testing.T) {
	cases := []struct {
		values  map[BalikanField]string
		field   BalikanField
		problem BalikanProblem
	}{
		{map[BalikanField]string{}, FieldIjazah, ProblemAllEmpty},
		{map[BalikanField]string{FieldIjazah: "DN#03"}, FieldIjazah, ProblemCharacters},
		{map[BalikanField]string{FieldIjazah: "DN_03_0012345"}, FieldIjazah, ProblemCharacters},
		{map[BalikanField]string{FieldIjazah: "AB"}, FieldIjazah, ProblemTooShort},
		{map[BalikanField]string{FieldSKPI: "1234567890123456789012345678901234567890X"}, FieldSKPI, ProblemTooLong},
		{map[BalikanField]string{FieldNUPTK: "123456789012345"}, FieldNUPTK, ProblemSixteenDigits},
		{map[BalikanField]string{FieldNUPTK: "12345678901234567"}, FieldNUPTK, ProblemSixteenDigits},
		{map[BalikanField]string{FieldNUPTK: "123456789012345A"}, FieldNUPTK, ProblemSixteenDigits},
		{map[BalikanField]string{FieldNUPTK: testNIK}, FieldNUPTK, ProblemSameAsNIK},
		{map[BalikanField]string{FieldNITK: testNIK}, FieldNITK, ProblemSameAsNIK},
		{map[BalikanField]string{FieldScholarship: "BIDIKMISI"}, FieldScholarship, ProblemScholarship},
		{map[BalikanField]string{FieldScholarship: "KIP,KIP"}, FieldScholarship, ProblemScholarship},
		{map[BalikanField]string{FieldScholarship: "TIDAK,KIP"}, FieldScholarship, ProblemScholarship},
		{map[BalikanField]string{FieldSchoolName: "SD", FieldAccreditation: "A"}, FieldSchoolName, ProblemTooShort},
		{map[BalikanField]string{FieldSchoolName: "SD <script>"}, FieldSchoolName, ProblemCharacters},
		{map[BalikanField]string{FieldSchoolName: "SD Contoh", FieldAccreditation: "D"}, FieldAccreditation, ProblemAccreditation},
		{map[BalikanField]string{FieldSchoolName: "SD Contoh", FieldAccreditation: "A+"}, FieldAccreditation, ProblemAccreditation},
		{map[BalikanField]string{FieldAccreditation: "A"}, FieldSchoolName, ProblemSchoolMissing},
		{map[BalikanField]string{FieldSchoolAddress: "Jl. Contoh 1"}, FieldSchoolName, ProblemSchoolMissing},
		{map[BalikanField]string{FieldSchoolName: "SD Contoh", FieldSchoolAddress: "Jl."}, FieldSchoolAddress, ProblemTooShort},
	}
	for _, c := range cases {
		errs := record(c.values).Validate()
		found := false
		for _, e := range errs {
			if e.Field == c.field && e.Problem == c.problem {
				found = true
			}
		}
		if !found {
			t.Errorf("Validate(%v) = %v, want %s on %s", c.values, errs, c.problem, c.field.DefaultParamKey())
		}
	}
}

func TestBalikanKeepsEveryFieldOnError(t *testing.T) {
	typed := map[BalikanField]string{FieldIjazah: "DN-03 DL 001", FieldNUPTK: "123", FieldSchoolName: "SD Contoh"}
	b := record(typed)
	if len(b.Validate()) != 1 {
		t.Fatalf("Validate = %v, want exactly the NUPTK error", b.Validate())
	}
	for f, v := range typed {
		if got := b.Get(f); got != record(map[BalikanField]string{f: v}).Get(f) {
			t.Errorf("field %s lost its value: %q", f.DefaultParamKey(), got)
		}
	}
}
