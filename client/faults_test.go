package client_test

import (
	"bytes"
	"context"
	"errors"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/disdikbud/kiosk/client"
	"github.com/disdikbud/kiosk/client/dukcapiltest"
)

func TestLookupFaults(t *testing.T) {
	cases := []struct {
		name  string
		fault dukcapiltest.Fault
		want  client.Outcome
	}{
		{"drop", dukcapiltest.FaultDrop, client.NetworkDown},
		{"http 500", dukcapiltest.FaultHTTP500, client.GatewayError},
		{"garbage", dukcapiltest.FaultMalformed, client.Malformed},
		{"truncated", dukcapiltest.FaultTruncated, client.Malformed},
	}
	fake := dukcapiltest.NewServer()
	defer fake.Close()
	c := newClient(t, fake, nil)
	nik := residentByStatus(t, dukcapiltest.StatusFound).NIK

	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := len(fake.Calls())
			fake.SetFault(tc.fault, 1)

			result, err := c.LookupNIK(context.Background(), nik)
			var callErr *client.CallError
			if !errors.As(err, &callErr) {
				t.Fatalf("error = %v, want a *client.CallError", err)
			}
			if got := client.OutcomeOf(err); got != tc.want {
				t.Errorf("OutcomeOf = %s, want %s", got, tc.want)
			}
			if result.Outcome != tc.want {
				t.Errorf("result outcome = %s, want %s", result.Outcome, tc.want)
			}
			if client.NeverSent(err) {
				t.Errorf("NeverSent is true, but the fake read the request")
			}
			if result.Record != nil {
				t.Errorf("a failed call returned a record")
			}
			if got := len(fake.Calls()) - before; got != 1 {
				t.Errorf("the fake received %d requests, want 1 (no retry after sending)", got)
			}

			again, err := c.LookupNIK(context.Background(), nik)
			if err != nil || again.Outcome != client.Found {
				t.Errorf("the call after the fault: %s, %v, want found", again.Outcome, err)
			}
		})
	}
}

func TestLookupSlowGatewayTimesOut(t *testing.T) {
	fake := dukcapiltest.NewServer(dukcapiltest.WithLatency(2 * time.Second))
	defer fake.Close()
	cfg := fake.ClientConfig()
	cfg.CallTimeout = 200 * time.Millisecond
	c, err := client.New(cfg)
	if err != nil {
		t.Fatalf("client.New: %v", err)
	}

	start := time.Now()
	_, err = c.LookupNIK(context.Background(), residentByStatus(t, dukcapiltest.StatusFound).NIK)
	if got := client.OutcomeOf(err); got != client.Timeout {
		t.Fatalf("OutcomeOf = %s (%v), want timeout", got, err)
	}
	if client.NeverSent(err) {
		t.Errorf("NeverSent is true after the request was written")
	}
	if took := time.Since(start); took > time.Second {
		t.Errorf("the call took %s, want about the 200ms call timeout", took)
	}
	if calls := len(fake.Calls()); calls != 1 {
		t.Errorf("the fake received %d requests, want 1", calls)
	}
}

func TestLookupClosedPortNeverSent(t *testing.T) {
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := listener.Addr().String()
	listener.Close()

	cfg := client.Config{
		BaseURL: "http://" + addr, CustomerID: dukcapiltest.CustomerID,
		UserID: dukcapiltest.UserID, Password: dukcapiltest.Password, IPUser: dukcapiltest.IPUser,
	}
	var logs bytes.Buffer
	cfg.Logger = newTextLogger(&logs)
	c, err := client.New(cfg)
	if err != nil {
		t.Fatalf("client.New: %v", err)
	}

	result, err := c.LookupNIK(context.Background(), "3313041205780003")
	if !client.NeverSent(err) {
		t.Errorf("NeverSent is false for a refused connection: %v", err)
	}
	if result.Outcome != client.NetworkDown {
		t.Errorf("outcome = %s, want network_down", result.Outcome)
	}
	if !strings.Contains(logs.String(), "attempts=2") {
		t.Errorf("want one automatic retry in the log:\n%s", logs.String())
	}
	if strings.Contains(err.Error(), dukcapiltest.Password) || strings.Contains(err.Error(), "3313041205780003") {
		t.Errorf("the error %q contains the password or the NIK", err)
	}
}

func TestLookupCanceledContext(t *testing.T) {
	fake := dukcapiltest.NewServer(dukcapiltest.WithLatency(time.Second))
	defer fake.Close()
	c := newClient(t, fake, nil)

	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := c.LookupNIK(ctx, residentByStatus(t, dukcapiltest.StatusFound).NIK)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("error = %v, want it to wrap context.DeadlineExceeded", err)
	}
	if client.OutcomeOf(err) != client.Timeout {
		t.Errorf("OutcomeOf = %s, want timeout", client.OutcomeOf(err))
	}
}
