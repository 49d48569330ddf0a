package dukcapiltest_test

import (
	"strings"
	"testing"
	"time"

	"github.com/disdikbud/kiosk/client/dukcapiltest"
	"github.com/disdikbud/kiosk/ppdb"
)

func TestResidentsAreValidAndVaried(t *testing.T) {
	residents := dukcapiltest.Residents()
	if len(residents) < 8 {
		t.Fatalf("%d residents, want at least 8", len(residents))
	}

	statuses := make(map[dukcapiltest.Status]int)
	families := make(map[string]int)
	nikSeen := make(map[string]bool)
	women := 0
	for _, r := range residents {
		nik, err := ppdb.ParseNIK(r.NIK)
		if err != nil {
			t.Errorf("%s: NIK is invalid: %v", r.Label, err)
			continue
		}
		if !strings.HasPrefix(r.NIK, "3313") {
			t.Errorf("%s: NIK is outside region 3313", r.Label)
		}
		if nikSeen[r.NIK] {
			t.Errorf("%s: NIK is used twice", r.Label)
		}
		nikSeen[r.NIK] = true
		if !nik.BirthDate.Equal(r.BirthDate) {
			t.Errorf("%s: NIK birth date %s differs from TGL_LHR %s", r.Label,
				nik.BirthDate.Format(time.DateOnly), r.BirthDate.Format(time.DateOnly))
		}
		if nik.Female != (r.Sex == "PEREMPUAN") {
			t.Errorf("%s: NIK sex differs from JENIS_KLMIN %s", r.Label, r.Sex)
		}
		if err := ppdb.ValidateNoKK(r.NoKK, r.NIK); err != nil {
			t.Errorf("%s: No KK is invalid: %v", r.Label, err)
		}
		if r.Label == "" {
			t.Errorf("resident with NIK ending %s has no label", r.NIK[12:])
		}
		for _, key := range []string{"NAMA_LGKP_IBU", "AGAMA"} {
			if r.Extras[key] == "" {
				t.Errorf("%s: extra field %s is missing", r.Label, key)
			}
		}
		if nik.Female {
			women++
		}
		statuses[r.Status]++
		families[r.NoKK]++
	}

	for _, s := range []dukcapiltest.Status{dukcapiltest.StatusFound, dukcapiltest.StatusDeceased,
		dukcapiltest.StatusDuplicate, dukcapiltest.StatusInactive, dukcapiltest.StatusNotFound} {
		if statuses[s] == 0 {
			t.Errorf("no resident with status %s", s)
		}
	}
	if women == 0 {
		t.Error("no woman (day of birth plus 40 in the NIK)")
	}
	shared := false
	for _, n := range families {
		shared = shared || n >= 2
	}
	if !shared {
		t.Error("no parent and child share a No KK")
	}
}

func TestResidentsReturnsCopies(t *testing.T) {
	first := dukcapiltest.Residents()
	first[0].Name = "CHANGED"
	first[0].Extras["AGAMA"] = "CHANGED"
	second := dukcapiltest.Residents()
	if second[0].Name == "CHANGED" || second[0].Extras["AGAMA"] == "CHANGED" {
		t.Error("Residents returned shared data")
	}
}
