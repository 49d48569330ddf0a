package dukcapiltest_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/disdikbud/kiosk/client/dukcapiltest"
)

// post sends body to the fake's CALL_NIK and returns content[0] and the
// whole reply.
func post(t *testing.T, fake *dukcapiltest.Server, body string) (map[string]any, map[string]any) {
	t.Helper()
	url := fake.URL + "/dukcapil/get_json/" + dukcapiltest.CustomerID + "/CALL_NIK"
	resp, err := http.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatalf("POST: %v", err)
	}
	defer resp.Body.Close()
	var reply map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&reply); err != nil {
		t.Fatalf("decoding the reply: %v", err)
	}
	content, _ := reply["content"].([]any)
	if len(content) != 1 {
		t.Fatalf("content = %v, want one element", reply["content"])
	}
	return content[0].(map[string]any), reply
}

func TestFakeLegacyRequestKeys(t *testing.T) {
	nik := dukcapiltest.Residents()[0].NIK
	legacyBody := `{"nik":"` + nik + `","user_id":"` + dukcapiltest.UserID + `","password":"` +
		dukcapiltest.Password + `","ip_address":"` + dukcapiltest.IPUser + `"}`

	strict := dukcapiltest.NewServer()
	defer strict.Close()
	if first, _ := post(t, strict, legacyBody); first["RESPONSE_CODE"] != "09" {
		t.Errorf("strict fake: RESPONSE_CODE = %v, want 09 for ip_address", first["RESPONSE_CODE"])
	}

	legacy := dukcapiltest.NewServer(dukcapiltest.WithLegacyRequestKeys(true))
	defer legacy.Close()
	first, reply := post(t, legacy, legacyBody)
	if first["NIK"] != nik {
		t.Errorf("legacy fake: NIK = %v, want the record", first["NIK"])
	}
	if reply["quotaLimiter"] == nil {
		t.Error("legacy fake: quotaLimiter is missing")
	}
	if first["AGAMA"] == nil || first["NAMA_LGKP_IBU"] == nil {
		t.Error("the fake dropped the extra fields the client must drop itself")
	}
}

func TestFakeQuotaRunsOut(t *testing.T) {
	fake := dukcapiltest.NewServer(dukcapiltest.WithQuota(1))
	defer fake.Close()
	body := `{"NIK":"` + dukcapiltest.Residents()[0].NIK + `","user_id":"` + dukcapiltest.UserID +
		`","password":"` + dukcapiltest.Password + `","IP_USER":"` + dukcapiltest.IPUser + `"}`

	if _, reply := post(t, fake, body); reply["quotaLimiter"] != float64(0) {
		t.Errorf("first call: quotaLimiter = %v, want 0 left", reply["quotaLimiter"])
	}
	first, _ := post(t, fake, body)
	if first["RESPONSE_CODE"] != "05" || first["RESPONSE_DESC"] != "Kuota Akses Hari ini telah Habis" {
		t.Errorf("second call: %v, want code 05", first)
	}
	if used := fake.HitsUsed(); used != 1 {
		t.Errorf("HitsUsed = %d, want 1", used)
	}
}

func TestStartRejectsNonLoopback(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", "10.1.2.3:8089", ":8089", "nonsense"} {
		if s, err := dukcapiltest.Start(addr); err == nil {
			s.Close()
			t.Errorf("Start(%q) accepted a non-loopback address", addr)
		}
	}
	s, err := dukcapiltest.Start("127.0.0.1:0")
	if err != nil {
		t.Fatalf("Start on loopback: %v", err)
	}
	defer s.Close()
	if !strings.HasPrefix(s.URL, "http://127.0.0.1:") || s.StoreURL() != s.URL+"/balikan" {
		t.Errorf("URL = %q, StoreURL = %q", s.URL, s.StoreURL())
	}
}

// TestFakeSettersUnderLoad changes every knob while requests run; run it
// with -race to check the locking.
func TestFakeSettersUnderLoad(t *testing.T) {
	fake := dukcapiltest.NewServer()
	defer fake.Close()
	body := `{"NIK":"` + dukcapiltest.Residents()[0].NIK + `","user_id":"` + dukcapiltest.UserID +
		`","password":"` + dukcapiltest.Password + `","IP_USER":"` + dukcapiltest.IPUser + `"}`
	url := fake.URL + "/dukcapil/get_json/" + dukcapiltest.CustomerID + "/CALL_NIK"

	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 20 {
				resp, err := http.Post(url, "application/json", strings.NewReader(body))
				if err == nil {
					resp.Body.Close()
				}
			}
		})
	}
	for i := range 20 {
		fake.SetLatency(time.Duration(i%2) * time.Millisecond)
		fake.SetReplyStyle(dukcapiltest.ReplyStyle(i % 3))
		fake.SetQuotaLimiter(i%2 == 0)
		fake.SetLegacyRequestKeys(i%2 == 1)
		fake.SetLowerCaseReplyKeys(i%2 == 1)
		fake.FailNext(1, "13", "")
		fake.SetQuota(1000)
		_ = fake.Calls()
	}
	wg.Wait()
	if calls := len(fake.Calls()); calls != 80 {
		t.Errorf("the fake recorded %d calls, want 80", calls)
	}
}
