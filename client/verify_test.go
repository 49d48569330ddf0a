package client_test

import (
	"context"
	"strings"
	"testing"

	"github.com/disdikbud/kiosk/client"
	"github.com/disdikbud/kiosk/client/dukcapiltest"
)

func TestVerifyByElement(t *testing.T) {
	fake := dukcapiltest.NewServer()
	defer fake.Close()
	c := newClient(t, fake, nil)
	r := residentByStatus(t, dukcapiltest.StatusFound)

	claims := map[string]string{
		"NAMA_LGKP":   r.Name + "X", // one letter more: similar, not equal
		"tmpt_lhr":    "KOTA LAIN SEKALI",
		"TGL_LHR":     r.BirthDate.Format("2006-01-02"), // sent as dd-mm-yyyy
		"JENIS_KLMIN": r.Sex,
		"NO_KK":       "3313000000000000",
	}
	result, err := c.VerifyByElement(context.Background(), r.NIK, claims, 80)
	if err != nil {
		t.Fatalf("VerifyByElement: %v", err)
	}
	if result.Outcome != client.Found {
		t.Fatalf("outcome = %s, want found", result.Outcome)
	}

	name := result.Verdicts["NAMA_LGKP"]
	if !name.Match || name.Score < 80 || name.Score >= 100 {
		t.Errorf("NAMA_LGKP verdict = %+v, want a match with a score of 80-99", name)
	}
	if place := result.Verdicts["TMPT_LHR"]; place.Match || place.Score < 0 {
		t.Errorf("TMPT_LHR verdict = %+v, want no match with a score", place)
	}
	if date := result.Verdicts["TGL_LHR"]; !date.Match || date.Score != -1 {
		t.Errorf("TGL_LHR verdict = %+v, want a match without a score", date)
	}
	if sex := result.Verdicts["JENIS_KLMIN"]; !sex.Match {
		t.Errorf("JENIS_KLMIN verdict = %+v, want a match", sex)
	}
	if kk := result.Verdicts["NO_KK"]; kk.Match {
		t.Errorf("NO_KK verdict = %+v, want no match", kk)
	}
	if result.QuotaRemaining < 0 {
		t.Errorf("QuotaRemaining = %d, want the fake's count", result.QuotaRemaining)
	}
}

func TestVerifyThresholdDecides(t *testing.T) {
	fake := dukcapiltest.NewServer()
	defer fake.Close()
	c := newClient(t, fake, nil)
	r := residentByStatus(t, dukcapiltest.StatusFound)
	claims := map[string]string{"NAMA_LGKP": r.Name + "XX"}

	lenient, err := c.VerifyByElement(context.Background(), r.NIK, claims, 50)
	if err != nil {
		t.Fatalf("VerifyByElement: %v", err)
	}
	strict, err := c.VerifyByElement(context.Background(), r.NIK, claims, 100)
	if err != nil {
		t.Fatalf("VerifyByElement: %v", err)
	}
	if !lenient.Verdicts["NAMA_LGKP"].Match {
		t.Errorf("threshold 50: %+v, want a match", lenient.Verdicts["NAMA_LGKP"])
	}
	if strict.Verdicts["NAMA_LGKP"].Match {
		t.Errorf("threshold 100: %+v, want no match", strict.Verdicts["NAMA_LGKP"])
	}
}

func TestVerifyErrorOutcomes(t *testing.T) {
	fake := dukcapiltest.NewServer(dukcapiltest.WithReplyStyle(dukcapiltest.StyleRespon))
	defer fake.Close()
	c := newClient(t, fake, nil)
	claims := map[string]string{"NAMA_LGKP": "SIAPA SAJA"}

	cases := []struct {
		name string
		nik  string
		want client.Outcome
	}{
		{"not found", residentByStatus(t, dukcapiltest.StatusNotFound).NIK, client.NotFound},
		{"deceased", residentByStatus(t, dukcapiltest.StatusDeceased).NIK, client.Deceased},
		{"bad format", "12345", client.BadNIKFormat},
	}
	for _, tc := range cases {
		result, err := c.VerifyByElement(context.Background(), tc.nik, claims, -1)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if result.Outcome != tc.want {
			t.Errorf("%s: outcome = %s, want %s", tc.name, result.Outcome, tc.want)
		}
		if len(result.Verdicts) != 0 {
			t.Errorf("%s: verdicts %v, want none", tc.name, result.Verdicts)
		}
	}

	fake.FailNext(1, "", "Login Gagal")
	result, err := c.VerifyByElement(context.Background(), residentByStatus(t, dukcapiltest.StatusFound).NIK, claims, -1)
	if err != nil || result.Outcome != client.LoginFailed {
		t.Errorf("forced Login Gagal: %s, %v", result.Outcome, err)
	}
}

func TestVerifyRejectsBadInput(t *testing.T) {
	fake := dukcapiltest.NewServer()
	defer fake.Close()
	c := newClient(t, fake, nil)
	nik := residentByStatus(t, dukcapiltest.StatusFound).NIK

	cases := map[string]struct {
		elements  map[string]string
		threshold int
	}{
		"mother's name": {map[string]string{"NAMA_LGKP_IBU": "X"}, 80},
		"religion":      {map[string]string{"AGAMA": "X"}, 80},
		"bad date":      {map[string]string{"TGL_LHR": "kemarin"}, 80},
		"threshold":     {map[string]string{"NAMA_LGKP": "X"}, 101},
	}
	for name, tc := range cases {
		_, err := c.VerifyByElement(context.Background(), nik, tc.elements, tc.threshold)
		if err == nil {
			t.Errorf("%s: VerifyByElement accepted it", name)
			continue
		}
		if strings.Contains(err.Error(), nik) {
			t.Errorf("%s: the error contains the NIK", name)
		}
	}
	if calls := len(fake.Calls()); calls != 0 {
		t.Errorf("the fake received %d requests, want none for rejected input", calls)
	}
}
