package client_test

import (
	"bytes"
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/disdikbud/kiosk/client"
	"github.com/disdikbud/kiosk/client/dukcapiltest"
)

var styles = map[string]dukcapiltest.ReplyStyle{
	"code":     dukcapiltest.StyleCode,
	"respon":   dukcapiltest.StyleRespon,
	"response": dukcapiltest.StyleResponse,
}

// TestLookupEveryErrorCode forces each code of the gateway's list in each
// reply style and expects its outcome, with no error and no record.
func TestLookupEveryErrorCode(t *testing.T) {
	fake := dukcapiltest.NewServer()
	defer fake.Close()
	c := newClient(t, fake, nil)
	nik := residentByStatus(t, dukcapiltest.StatusFound).NIK

	for styleName, style := range styles {
		fake.SetReplyStyle(style)
		for code := 3; code <= 17; code++ {
			codeText := fmt.Sprintf("%02d", code)
			want := client.OutcomeForCode(codeText)
			t.Run(styleName+"/"+codeText, func(t *testing.T) {
				fake.FailNext(1, codeText, "")
				result, err := c.LookupNIK(context.Background(), nik)
				if err != nil {
					t.Fatalf("LookupNIK: %v", err)
				}
				if result.Outcome != want {
					t.Errorf("outcome = %s, want %s", result.Outcome, want)
				}
				if result.Record != nil {
					t.Errorf("Record is set for code %s", codeText)
				}
			})
		}
	}
}

func TestLookupStatusInEveryStyle(t *testing.T) {
	fake := dukcapiltest.NewServer()
	defer fake.Close()
	c := newClient(t, fake, nil)
	deceased := residentByStatus(t, dukcapiltest.StatusDeceased)

	for name, style := range styles {
		t.Run(name, func(t *testing.T) {
			fake.SetReplyStyle(style)
			result, err := c.LookupNIK(context.Background(), deceased.NIK)
			if err != nil {
				t.Fatalf("LookupNIK: %v", err)
			}
			if result.Outcome != client.Deceased {
				t.Errorf("outcome = %s, want deceased", result.Outcome)
			}
			if result.Record == nil || result.Record.NIK != deceased.NIK {
				t.Errorf("the deceased resident's record is missing")
			}
		})
	}
}

func TestLookupOldGatewayVariants(t *testing.T) {
	fake := dukcapiltest.NewServer(
		dukcapiltest.WithLowerCaseReplyKeys(true),
		dukcapiltest.WithQuotaLimiter(false),
		dukcapiltest.WithReplyStyle(dukcapiltest.StyleRespon),
		dukcapiltest.WithLegacyRequestKeys(true),
	)
	defer fake.Close()
	c := newClient(t, fake, nil)

	for _, r := range dukcapiltest.Residents() {
		if r.Status != dukcapiltest.StatusFound {
			continue
		}
		result, err := c.LookupNIK(context.Background(), r.NIK)
		if err != nil {
			t.Fatalf("LookupNIK %s: %v", r.Label, err)
		}
		if result.Outcome != client.Found {
			t.Fatalf("%s: outcome = %s, want found", r.Label, result.Outcome)
		}
		if result.QuotaRemaining != -1 {
			t.Errorf("%s: QuotaRemaining = %d, want -1 without quotaLimiter", r.Label, result.QuotaRemaining)
		}
		assertRecordEqual(t, result.Record, r)
	}
}

// TestLookupSendsCurrentKeys runs against a fake that accepts only the
// first spelling of each request key, so a client that sent nik or
// ip_address would get code 07 or 09.
func TestLookupSendsCurrentKeys(t *testing.T) {
	fake := dukcapiltest.NewServer(dukcapiltest.WithLegacyRequestKeys(false))
	defer fake.Close()
	c := newClient(t, fake, nil)
	r := residentByStatus(t, dukcapiltest.StatusFound)

	result, err := c.LookupNIK(context.Background(), r.NIK)
	if err != nil {
		t.Fatalf("LookupNIK: %v", err)
	}
	if result.Outcome != client.Found {
		t.Errorf("outcome = %s, want found", result.Outcome)
	}
	calls := fake.Calls()
	if len(calls) != 1 || calls[0].Method != client.MethodLookup || calls[0].NIK != r.NIK {
		t.Errorf("fake received %+v, want one CALL_NIK for the NIK", calls)
	}
}

func TestLookupWrongCredentials(t *testing.T) {
	fake := dukcapiltest.NewServer()
	defer fake.Close()
	nik := residentByStatus(t, dukcapiltest.StatusFound).NIK

	cases := []struct {
		name   string
		change func(*client.Config)
		want   client.Outcome
	}{
		{"password", func(c *client.Config) { c.Password = "wrong" }, client.LoginFailed},
		{"user", func(c *client.Config) { c.UserID = "someone.else" }, client.LoginFailed},
		{"ip", func(c *client.Config) { c.IPUser = "10.9.9.9" }, client.IPMismatch},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cfg := fake.ClientConfig()
			tc.change(&cfg)
			c, err := client.New(cfg)
			if err != nil {
				t.Fatalf("client.New: %v", err)
			}
			result, err := c.LookupNIK(context.Background(), nik)
			if err != nil {
				t.Fatalf("LookupNIK: %v", err)
			}
			if result.Outcome != tc.want {
				t.Errorf("outcome = %s, want %s", result.Outcome, tc.want)
			}
			if !result.Outcome.IsConfigFault() {
				t.Errorf("%s is not a configuration fault", result.Outcome)
			}
		})
	}
}

func TestLookupBadNIKFormat(t *testing.T) {
	fake := dukcapiltest.NewServer()
	defer fake.Close()
	c := newClient(t, fake, nil)

	for _, nik := range []string{"33130412057800", "331304120578000X", ""} {
		result, err := c.LookupNIK(context.Background(), nik)
		if err != nil {
			t.Fatalf("LookupNIK: %v", err)
		}
		want := client.BadNIKFormat
		if nik == "" {
			want = client.IncompleteRequest
		}
		if result.Outcome != want {
			t.Errorf("NIK of %d characters: outcome = %s, want %s", len(nik), result.Outcome, want)
		}
	}
}

// TestLookupReturnsNineElementsOnly checks two things for every resident:
// Record has exactly the fields of the nine elements, and none of the
// fake's extra values (mother's name, religion, ...) appear anywhere in
// the result or the log.
func TestLookupReturnsNineElementsOnly(t *testing.T) {
	allowed := []string{"NoKK", "NIK", "Name", "Sex", "BirthPlace", "BirthDate", "MaritalStatus",
		"Occupation", "Street", "RT", "RW", "Kelurahan", "Kecamatan", "Kabupaten", "Province"}
	recordType := reflect.TypeFor[client.Record]()
	if recordType.NumField() != len(allowed) {
		t.Fatalf("client.Record has %d fields, want the %d of the nine elements", recordType.NumField(), len(allowed))
	}
	for i := range recordType.NumField() {
		if name := recordType.Field(i).Name; name != allowed[i] {
			t.Errorf("client.Record field %d is %s, want %s", i, name, allowed[i])
		}
	}

	fake := dukcapiltest.NewServer()
	defer fake.Close()
	var logs bytes.Buffer
	c := newClient(t, fake, &logs)

	for _, r := range dukcapiltest.Residents() {
		if len(r.Extras) < 3 {
			t.Errorf("%s has %d extra fields, want the fake to send several", r.Label, len(r.Extras))
		}
		result, err := c.LookupNIK(context.Background(), r.NIK)
		if err != nil {
			t.Fatalf("LookupNIK: %v", err)
		}
		dump := fmt.Sprintf("%v|%+v|%#v", result, *recordOrEmpty(result.Record), result)
		fields := fieldStrings(result.Record)
		dump += strings.Join(fields, "|")
		for key, value := range r.Extras {
			// Short values such as blood type "O" occur inside any name,
			// so they are compared with whole fields.
			if len(value) < 4 && slices.Contains(fields, value) || len(value) >= 4 && strings.Contains(dump, value) {
				t.Errorf("%s: the value of %s reached the result", r.Label, key)
			}
		}
	}

	for _, r := range dukcapiltest.Residents() {
		for _, value := range []string{r.NIK, r.Name, r.NoKK, r.Street} {
			if strings.Contains(logs.String(), value) {
				t.Errorf("the log contains a record value of %s", r.Label)
			}
		}
	}
	for _, secret := range []string{dukcapiltest.Password, dukcapiltest.UserID} {
		if strings.Contains(logs.String(), secret) {
			t.Errorf("the log contains a credential")
		}
	}
	if !strings.Contains(logs.String(), "method=CALL_NIK") || !strings.Contains(logs.String(), "outcome=found") {
		t.Errorf("the log lacks method and outcome:\n%s", logs.String())
	}
}

func recordOrEmpty(r *client.Record) *client.Record {
	if r == nil {
		return &client.Record{}
	}
	return r
}

// fieldStrings returns every string field of r, bypassing its String.
func fieldStrings(r *client.Record) []string {
	if r == nil {
		return nil
	}
	v := reflect.ValueOf(*r)
	var out []string
	for i := range v.NumField() {
		if v.Field(i).Kind() == reflect.String {
			out = append(out, v.Field(i).String())
		}
	}
	return out
}
