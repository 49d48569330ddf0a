package ppdb

import (
	"errors"
	"testing"
	"time"
)

var today = time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)

func TestParseNIKValid(t *testing.T) {
	cases := []struct {
		nik    string
		birth  string
		female bool
		region string
	}{
		{"3313041205780003", "1978-05-12", false, "331304"},
		{"3313045203100002", "2010-03-12", true, "331304"},
		{"3313170101000001", "2000-01-01", false, "331317"},
		{"3313177112990009", "1999-12-31", true, "331317"},
		{"3313012902000001", "2000-02-29", false, "331301"},
		{"3313016902040001", "2004-02-29", true, "331301"},
		{"3101010412269999", "2026-12-04", false, "310101"}, // born today: 20yy still fits
		{"3101010512260001", "1926-12-05", false, "310101"}, // tomorrow in 2026: last century
	}
	for _, c := range cases {
		got, err := parseNIKAt(c.nik, today)
		if err != nil {
			t.Errorf("parseNIK(%s): %v", c.nik, err)
			continue
		}
		if d := got.BirthDate.Format("2006-01-02"); d != c.birth {
			t.Errorf("parseNIK(%s) birth = %s, want %s", c.nik, d, c.birth)
		}
		if got.Female != c.female {
			t.Errorf("parseNIK(%s) female = %v, want %v", c.nik, got.Female, c.female)
		}
		if got.RegionCode() != c.region {
			t.Errorf("parseNIK(%s) region = %s, want %s", c.nik, got.RegionCode(), c.region)
		}
	}
}

func TestParseNIKInvalid(t *testing.T) {
	cases := []struct {
		nik     string
		problem NIKProblem
	}{
		{"", NIKEmpty},
		{"331304120578000", NIKLength},
		{"33130412057800031", NIKLength},
		{"3313O41205780003", NIKNotDigits},
		{"3313-41205780003", NIKNotDigits},
		{" 3313041205780003", NIKNotDigits},
		{"３３１３041205780003", NIKNotDigits}, // full-width digits
		{"0013041205780003", NIKRegion},
		{"3300041205780003", NIKRegion},
		{"3313001205780003", NIKRegion},
		{"3313040005780003", NIKBirthDate}, // day 00
		{"3313043205780003", NIKBirthDate}, // day 32 is neither a man's nor a woman's
		{"3313044005780003", NIKBirthDate}, // day 40
		{"3313047205780003", NIKBirthDate}, // day 72
		{"3313041213780003", NIKBirthDate}, // month 13
		{"3313041200780003", NIKBirthDate}, // month 00
		{"3313043104780003", NIKBirthDate}, // 31 April
		{"3313042902010003", NIKBirthDate}, // 29 February 2001
		{"3313046902010003", NIKBirthDate}, // 29 February 2001, woman
		{"3313041205780000", NIKZeroSerial},
	}
	for _, c := range cases {
		_, err := parseNIKAt(c.nik, today)
		var nerr *NIKError
		if !errors.As(err, &nerr) {
			t.Errorf("parseNIK(%q) error = %v, want a NIKError", c.nik, err)
			continue
		}
		if nerr.Problem != c.problem {
			t.Errorf("parseNIK(%q) problem = %s, want %s", c.nik, nerr.Problem, c.problem)
		}
	}
}

func TestNIKErrorHidesValue(t *testing.T) {
	nik := "3313041205780000"
	_, err := parseNIKAt(nik, today)
	if err == nil {
		t.Fatal("serial 0000 accepted")
	}
	for _, part := range []string{nik, "331304", "120578"} {
		if contains(err.Error(), part) {
			t.Errorf("error %q contains part of the NIK %q", err, part)
		}
	}
}

func TestValidateNoKK(t *testing.T) {
	cases := []struct {
		kk, nik string
		problem KKProblem
	}{
		{"3313040101100007", "3313041205780003", ""},
		{"3313040101100007", "", ""},
		{"", "", KKEmpty},
		{"331304010110000", "", KKLength},
		{"33130401011000A7", "", KKNotDigits},
		{"0013040101100007", "", KKRegion},
		{"3313041205780003", "3313041205780003", KKSameAsNIK},
	}
	for _, c := range cases {
		err := ValidateNoKK(c.kk, c.nik)
		if c.problem == "" {
			if err != nil {
				t.Errorf("ValidateNoKK(%q) = %v, want nil", c.kk, err)
			}
			continue
		}
		var kerr *KKError
		if !errors.As(err, &kerr) || kerr.Problem != c.problem {
			t.Errorf("ValidateNoKK(%q, %q) = %v, want problem %s", c.kk, c.nik, err, c.problem)
		}
	}
}

func FuzzParseNIK(f *testing.F) {
	for _, s := range []string{"3313041205780003", "3313045203100002", "", "0000000000000000", "99999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := parseNIKAt(s, today)
		if err != nil {
			return
		}
		if n.Value != s || len(s) != 16 {
			t.Fatalf("accepted %q as %q", s, n.Value)
		}
		if n.BirthDate.After(today) {
			t.Fatalf("birth date %s after today", n.BirthDate)
		}
	})
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}
