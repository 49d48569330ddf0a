package client_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"testing"

	"github.com/disdikbud/kiosk/client"
	"github.com/disdikbud/kiosk/client/dukcapiltest"
)

// The two benchmarks send the same CALL_NIK to the same fake: the raw one
// with a prebuilt body and no decoding, the other through the client. Their
// ratio is the client's overhead (encoding, tracing, decoding, logging).

func BenchmarkLookupRawHTTP(b *testing.B) {
	fake := dukcapiltest.NewServer(dukcapiltest.WithQuota(1 << 30))
	defer fake.Close()
	nik := dukcapiltest.Residents()[0].NIK
	body, err := json.Marshal(map[string]string{
		"NIK": nik, "user_id": dukcapiltest.UserID, "password": dukcapiltest.Password, "IP_USER": dukcapiltest.IPUser,
	})
	if err != nil {
		b.Fatal(err)
	}
	url := fake.URL + "/dukcapil/get_json/" + dukcapiltest.CustomerID + "/CALL_NIK"
	hc := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4}}

	b.ReportAllocs()
	for b.Loop() {
		resp, err := hc.Post(url, "application/json", bytes.NewReader(body))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := io.Copy(io.Discard, resp.Body); err != nil {
			b.Fatal(err)
		}
		resp.Body.Close()
	}
}

func BenchmarkLookupClient(b *testing.B) {
	fake := dukcapiltest.NewServer(dukcapiltest.WithQuota(1 << 30))
	defer fake.Close()
	nik := dukcapiltest.Residents()[0].NIK
	cfg := fake.ClientConfig()
	cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	c, err := client.New(cfg)
	if err != nil {
		b.Fatal(err)
	}

	b.ReportAllocs()
	for b.Loop() {
		result, err := c.LookupNIK(context.Background(), nik)
		if err != nil || result.Outcome != client.Found {
			b.Fatalf("LookupNIK: %s, %v", result.Outcome, err)
		}
	}
}
