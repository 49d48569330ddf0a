package client

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

const fixtureDir = "../testdata/gateway"

// lookupFixtures lists the expected result of every lookup-*.json fixture.
var lookupFixtures = map[string]struct {
	outcome   Outcome
	quota     int
	nik       string // empty when no record is expected
	noKK      string
	rt        string
	birthDate string // yyyy-mm-dd
}{
	"lookup-found-code.json":        {Found, 812, "3313041205780003", "3313040101100007", "003", "1978-05-12"},
	"lookup-found-numbers.json":     {Found, -1, "3313042307120002", "3313040101100007", "3", "2012-07-23"},
	"lookup-found-lowercase.json":   {Found, 40, "3313085703090004", "3313081504080011", "", "2009-03-17"},
	"lookup-found-mixedcase.json":   {Found, -1, "3313172002070003", "3313172601060002", "004", "2007-02-20"},
	"lookup-deceased-code.json":     {Deceased, 700, "3313100206450001", "3313100101700009", "002", "1945-06-02"},
	"lookup-notfound-respon.json":   {NotFound, -1, "", "", "", ""},
	"lookup-ipclient-response.json": {InvalidIP, -1, "", "", "", ""},
	"lookup-login-desc.json":        {LoginFailed, -1, "", "", "", ""},
	"lookup-quota-code.json":        {QuotaExhausted, 0, "", "", "", ""},
	"lookup-code-number.json":       {NotFound, 12, "", "", "", ""},
	"lookup-empty-content.json":     {NotFound, -1, "", "", "", ""},
}

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(fixtureDir, name))
	if err != nil {
		t.Fatalf("reading fixture: %v", err)
	}
	return data
}

func TestDecodeLookupFixtures(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(fixtureDir, "lookup-*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no lookup fixtures in %s (%v)", fixtureDir, err)
	}
	for _, file := range files {
		name := filepath.Base(file)
		t.Run(name, func(t *testing.T) {
			want, ok := lookupFixtures[name]
			if !ok {
				t.Fatalf("fixture %s has no expected result in lookupFixtures", name)
			}
			result, err := decodeLookup(readFixture(t, name))
			if err != nil {
				t.Fatalf("decodeLookup: %v", err)
			}
			if result.Outcome != want.outcome {
				t.Errorf("outcome = %s, want %s", result.Outcome, want.outcome)
			}
			if result.QuotaRemaining != want.quota {
				t.Errorf("QuotaRemaining = %d, want %d", result.QuotaRemaining, want.quota)
			}
			if want.nik == "" {
				if result.Record != nil {
					t.Errorf("Record is set, want none")
				}
				return
			}
			if result.Record == nil {
				t.Fatal("Record is nil")
			}
			if result.Record.NIK != want.nik {
				t.Errorf("NIK = %q, want %q", result.Record.NIK, want.nik)
			}
			if result.Record.NoKK != want.noKK {
				t.Errorf("NoKK = %q, want %q", result.Record.NoKK, want.noKK)
			}
			if result.Record.RT != want.rt {
				t.Errorf("RT = %q, want %q", result.Record.RT, want.rt)
			}
			if got := result.Record.BirthDate.Format(time.DateOnly); got != want.birthDate {
				t.Errorf("BirthDate = %s, want %s", got, want.birthDate)
			}
		})
	}
}

// TestDecodeDropsExtraFields proves that values of keys outside the nine
// elements (mother's name, religion, blood type, ...) reach no field of
// the result, whatever the field's name.
func TestDecodeDropsExtraFields(t *testing.T) {
	extras := []string{"SUMIYATI FIKTIF", "ISLAM", "SLTA/SEDERAJAT", "FAKE-AKTA-0001", "KEPALA KELUARGA"}
	result, err := decodeLookup(readFixture(t, "lookup-found-code.json"))
	if err != nil {
		t.Fatalf("decodeLookup: %v", err)
	}
	for _, value := range allStrings(reflect.ValueOf(result)) {
		for _, extra := range extras {
			if strings.Contains(value, extra) {
				t.Errorf("result carries %q from a field outside the nine elements", extra)
			}
		}
	}
}

// allStrings collects every string reachable from v.
func allStrings(v reflect.Value) []string {
	switch v.Kind() {
	case reflect.String:
		return []string{v.String()}
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return allStrings(v.Elem())
	case reflect.Struct:
		var out []string
		for i := range v.NumField() {
			out = append(out, allStrings(v.Field(i))...)
		}
		return out
	case reflect.Map:
		var out []string
		iter := v.MapRange()
		for iter.Next() {
			out = append(out, allStrings(iter.Key())...)
			out = append(out, allStrings(iter.Value())...)
		}
		return out
	case reflect.Slice, reflect.Array:
		var out []string
		for i := range v.Len() {
			out = append(out, allStrings(v.Index(i))...)
		}
		return out
	}
	return nil
}

func TestDecodeKeepsBigNumberDigits(t *testing.T) {
	// 9007199254740993 is 2^53+1, the first integer a float64 cannot hold.
	body := []byte(`{"content":[{"NIK":9007199254740993,"NO_KK":9999999999999993,"NAMA_LGKP":"X"}]}`)
	result, err := decodeLookup(body)
	if err != nil {
		t.Fatalf("decodeLookup: %v", err)
	}
	if result.Record.NIK != "9007199254740993" {
		t.Errorf("NIK = %q, want every digit kept", result.Record.NIK)
	}
	if result.Record.NoKK != "9999999999999993" {
		t.Errorf("NoKK = %q, want every digit kept", result.Record.NoKK)
	}
}

func TestDecodeEveryCodeAndText(t *testing.T) {
	for code := 1; code <= 17; code++ {
		codeText := string(rune('0'+code/10)) + string(rune('0'+code%10))
		want := OutcomeForCode(codeText)
		if code == 2 {
			if want != OutcomeUnknown {
				t.Errorf("code 02 maps to %s, want unknown", want)
			}
			continue
		}
		if want == OutcomeUnknown {
			t.Errorf("code %s maps to no outcome", codeText)
			continue
		}
		if got := want.Code(); got != codeText {
			t.Errorf("%s.Code() = %q, want %q", want, got, codeText)
		}

		body := []byte(`{"content":[{"RESPONSE_CODE":"` + codeText + `","RESPONSE_DESC":"whatever"}]}`)
		result, err := decodeLookup(body)
		if err != nil {
			t.Errorf("code %s: %v", codeText, err)
			continue
		}
		if result.Outcome != want {
			t.Errorf("code %s: outcome %s, want %s", codeText, result.Outcome, want)
		}
	}

	for text, want := range outcomeTexts {
		for _, key := range []string{"RESPON", "RESPONSE", "RESPONSE_DESC", "respon"} {
			shouted := strings.ToUpper(strings.ReplaceAll(text, " ", "  "))
			body := []byte(`{"content":[{"` + key + `":"` + shouted + `"}]}`)
			result, err := decodeLookup(body)
			if err != nil {
				t.Errorf("%s %q: %v", key, shouted, err)
				continue
			}
			if result.Outcome != want {
				t.Errorf("%s %q: outcome %s, want %s", key, shouted, result.Outcome, want)
			}
		}
	}
}

func TestDecodeLookupRejects(t *testing.T) {
	cases := map[string]string{
		"not json":          `<html>Service Unavailable</html>`,
		"truncated":         `{"content":[{"NIK":"3313041205780003","NAMA_LG`,
		"no content":        `{"lastPage":true}`,
		"content null":      `{"content":null}`,
		"content object":    `{"content":{"NIK":"1"}}`,
		"value object":      `{"content":[{"NIK":{"x":1}}]}`,
		"bad date":          `{"content":[{"NIK":"3313041205780003","TGL_LHR":"31-02-1978"}]}`,
		"bad quota":         `{"content":[{"RESPON":"Login Gagal"}],"quotaLimiter":"many"}`,
		"empty object":      `{"content":[{}]}`,
		"unknown text":      `{"content":[{"RESPON":"Sistem Sedang Sibuk"}]}`,
		"unknown code":      `{"content":[{"RESPONSE_CODE":"02"}]}`,
		"array of nonsense": `[1,2,3]`,
	}
	for name, body := range cases {
		t.Run(name, func(t *testing.T) {
			result, err := decodeLookup([]byte(body))
			if err == nil {
				t.Fatalf("decodeLookup returned %s and no error", result.Outcome)
			}
			var unknown *unknownStatusError
			if !errors.Is(err, errMalformed) && !errors.As(err, &unknown) {
				t.Errorf("error %v is neither malformed nor an unknown status", err)
			}
		})
	}
}

func TestDecodeErrorOmitsValues(t *testing.T) {
	body := []byte(`{"content":3313041205780003}`)
	_, err := decodeLookup(body)
	if err == nil {
		t.Fatal("decodeLookup accepted a number as content")
	}
	if strings.Contains(err.Error(), "3313041205780003") {
		t.Errorf("error %q quotes a number from the reply", err)
	}

	body = []byte(`{"content":[{"RESPON":"NIK 3313041205780003 diblokir"}]}`)
	_, err = decodeLookup(body)
	if err == nil || strings.Contains(err.Error(), "3313041205780003") {
		t.Errorf("error %v quotes the gateway's text", err)
	}
}

func TestDecodeVerifyFixtures(t *testing.T) {
	sent := []string{"NIK", "NAMA_LGKP", "TMPT_LHR", "TGL_LHR", "JENIS_KLMIN"}
	result, err := decodeVerify(readFixture(t, "verify-scored.json"), sent)
	if err != nil {
		t.Fatalf("decodeVerify: %v", err)
	}
	want := map[string]Verdict{
		"NIK":         {Match: true, Score: -1},
		"NAMA_LGKP":   {Match: true, Score: 93},
		"TMPT_LHR":    {Match: false, Score: 40},
		"TGL_LHR":     {Match: true, Score: -1},
		"JENIS_KLMIN": {Match: false, Score: -1},
	}
	if result.Outcome != Found {
		t.Errorf("outcome = %s, want found", result.Outcome)
	}
	if result.QuotaRemaining != 811 {
		t.Errorf("QuotaRemaining = %d, want 811", result.QuotaRemaining)
	}
	if !reflect.DeepEqual(result.Verdicts, want) {
		t.Errorf("Verdicts = %v, want %v", result.Verdicts, want)
	}

	result, err = decodeVerify(readFixture(t, "verify-login-respon.json"), sent)
	if err != nil {
		t.Fatalf("decodeVerify: %v", err)
	}
	if result.Outcome != LoginFailed {
		t.Errorf("outcome = %s, want login_failed", result.Outcome)
	}
	if len(result.Verdicts) != 0 {
		t.Errorf("Verdicts = %v, want none", result.Verdicts)
	}
}

func TestParseVerdict(t *testing.T) {
	cases := []struct {
		text string
		want Verdict
		ok   bool
	}{
		{"Sesuai", Verdict{true, -1}, true},
		{"SESUAI", Verdict{true, -1}, true},
		{"Tidak Sesuai", Verdict{false, -1}, true},
		{"tidak  sesuai", Verdict{false, -1}, true},
		{"Sesuai (93)", Verdict{true, 93}, true},
		{"Sesuai(100)", Verdict{true, 100}, true},
		{"Tidak Sesuai (40)", Verdict{false, 40}, true},
		{"Sesuai (101)", Verdict{}, false},
		{"Sesuai (x)", Verdict{}, false},
		{"Cocok", Verdict{}, false},
		{"", Verdict{}, false},
	}
	for _, c := range cases {
		got, ok := parseVerdict(c.text)
		if ok != c.ok || got != c.want {
			t.Errorf("parseVerdict(%q) = %v, %v, want %v, %v", c.text, got, ok, c.want, c.ok)
		}
	}
}

func FuzzDecodeLookup(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(fixtureDir, "*.json"))
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"content":[{"NIK":1e999}]}`))
	f.Add([]byte(`{"content":[{"TGL_LHR":"2009-03-17T"}]}`))

	f.Fuzz(func(t *testing.T, body []byte) {
		result, err := decodeLookup(body)
		if err != nil {
			if result.Record != nil {
				t.Errorf("a failed decode returned a record")
			}
			return
		}
		if result.Record != nil && !result.Outcome.HasRecord() {
			t.Errorf("outcome %s carries a record", result.Outcome)
		}
		if result.QuotaRemaining < -1 {
			t.Errorf("QuotaRemaining = %d", result.QuotaRemaining)
		}
	})
}

func BenchmarkDecodeLookup(b *testing.B) {
	body := readFixture(b, "lookup-found-code.json")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := decodeLookup(body); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzDecodeVerify(f *testing.F) {
	for _, name := range []string{"verify-scored.json", "verify-login-respon.json"} {
		f.Add(readFixture(f, name))
	}
	sent := []string{"NIK", "NAMA_LGKP", "TMPT_LHR", "TGL_LHR", "JENIS_KLMIN"}

	f.Fuzz(func(t *testing.T, body []byte) {
		result, err := decodeVerify(body, sent)
		if err != nil {
			return
		}
		for key, verdict := range result.Verdicts {
			if !slices.Contains(sent, key) {
				t.Errorf("verdict for %s, which was not sent", key)
			}
			if verdict.Score < -1 || verdict.Score > 100 {
				t.Errorf("%s score = %d", key, verdict.Score)
			}
		}
	})
}
