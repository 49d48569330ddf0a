package client_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/disdikbud/kiosk/client"
	"github.com/disdikbud/kiosk/client/dukcapiltest"
)

// newClient returns a client for fake with short timeouts and a logger
// that writes into logs.
func newClient(t *testing.T, fake *dukcapiltest.Server, logs io.Writer) *client.HTTPClient {
	t.Helper()
	cfg := fake.ClientConfig()
	cfg.CallTimeout = 2 * time.Second
	cfg.ConnectTimeout = time.Second
	if logs == nil {
		logs = io.Discard
	}
	cfg.Logger = newTextLogger(logs)
	c, err := client.New(cfg)
	if err != nil {
		t.Fatalf("client.New: %v", err)
	}
	return c
}

func newTextLogger(w io.Writer) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

func residentByStatus(t *testing.T, status dukcapiltest.Status) dukcapiltest.Resident {
	t.Helper()
	for _, r := range dukcapiltest.Residents() {
		if r.Status == status {
			return r
		}
	}
	t.Fatalf("no resident with status %s", status)
	return dukcapiltest.Resident{}
}

func TestLookupEveryResident(t *testing.T) {
	fake := dukcapiltest.NewServer()
	defer fake.Close()
	var logs bytes.Buffer
	c := newClient(t, fake, &logs)

	want := map[dukcapiltest.Status]client.Outcome{
		dukcapiltest.StatusFound:     client.Found,
		dukcapiltest.StatusDeceased:  client.Deceased,
		dukcapiltest.StatusDuplicate: client.DuplicateRecord,
		dukcapiltest.StatusInactive:  client.Inactive,
		dukcapiltest.StatusNotFound:  client.NotFound,
	}
	for _, r := range dukcapiltest.Residents() {
		t.Run(r.Label, func(t *testing.T) {
			result, err := c.LookupNIK(context.Background(), r.NIK)
			if err != nil {
				t.Fatalf("LookupNIK: %v", err)
			}
			if result.Outcome != want[r.Status] {
				t.Fatalf("outcome = %s, want %s", result.Outcome, want[r.Status])
			}
			if result.QuotaRemaining < 0 {
				t.Errorf("QuotaRemaining = %d, want the fake's quotaLimiter", result.QuotaRemaining)
			}
			if r.Status == dukcapiltest.StatusNotFound {
				if result.Record != nil {
					t.Errorf("Record is set for a NIK that was not found")
				}
				return
			}
			if result.Record == nil {
				t.Fatal("Record is nil")
			}
			assertRecordEqual(t, result.Record, r)
		})
	}
}

// assertRecordEqual compares every element of got with the resident.
func assertRecordEqual(t *testing.T, got *client.Record, want dukcapiltest.Resident) {
	t.Helper()
	pairs := []struct{ name, got, want string }{
		{"NoKK", got.NoKK, want.NoKK},
		{"NIK", got.NIK, want.NIK},
		{"Name", got.Name, want.Name},
		{"Sex", got.Sex, want.Sex},
		{"BirthPlace", got.BirthPlace, want.BirthPlace},
		{"MaritalStatus", got.MaritalStatus, want.MaritalStatus},
		{"Occupation", got.Occupation, want.Occupation},
		{"Street", got.Street, want.Street},
		{"RT", got.RT, want.RT},
		{"RW", got.RW, want.RW},
		{"Kelurahan", got.Kelurahan, want.Kelurahan},
		{"Kecamatan", got.Kecamatan, want.Kecamatan},
		{"Kabupaten", got.Kabupaten, want.Kabupaten},
		{"Province", got.Province, want.Province},
	}
	for _, p := range pairs {
		if p.got != p.want {
			t.Errorf("%s = %q, want %q", p.name, p.got, p.want)
		}
	}
	if !got.BirthDate.Equal(want.BirthDate) {
		t.Errorf("BirthDate = %s, want %s", got.BirthDate.Format(time.DateOnly), want.BirthDate.Format(time.DateOnly))
	}
}
