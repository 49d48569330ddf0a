package main

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
)

func TestEventRingKeepsMessagesWithoutAttributes(t *testing.T) {
	var out bytes.Buffer
	events := newEventRing(slog.NewJSONHandler(&out, nil), 3)
	logger := slog.New(events).With("operator", "OP01")
	for i := range 5 {
		logger.Info("card read", "n", i, "secret-ish", "value-not-for-the-view")
	}

	got := events.Events()
	if len(got) != 3 {
		t.Fatalf("kept %d events, want the last 3", len(got))
	}
	for _, e := range got {
		if e.Message != "card read" || e.Level != slog.LevelInfo {
			t.Errorf("event %+v, want level INFO and message \"card read\"", e)
		}
	}
	if strings.Count(out.String(), "value-not-for-the-view") != 5 {
		t.Errorf("the file handler did not get every record with its attributes:\n%s", out.String())
	}
}
