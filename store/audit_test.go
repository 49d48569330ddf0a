package store

import (
	"context"
	"strings"
	"testing"
	"time"
)

func TestAuditLogSince(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	clock := time.Date(2024, 7, 8, 9, 0, 0, 0, time.Local)
	s.now = func() time.Time { return clock }

	s.Audit(ctx, "op1", "sign-in", "")
	clock = clock.Add(time.Hour)
	s.Audit(ctx, "op1", "lookup", "outcome found")
	s.Audit(ctx, "sup", "export", "12 records to balikan.xlsx")

	entries, err := s.AuditLog(ctx, clock)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 2 {
		t.Fatalf("AuditLog since the second event returned %d entries, want 2", len(entries))
	}
	if e := entries[0]; e.Operator != "op1" || e.Event != "lookup" || e.Detail != "outcome found" || !e.At.Equal(clock) {
		t.Errorf("first entry = %+v, want op1 lookup at %v", e, clock)
	}
	if e := entries[1]; e.Operator != "sup" || e.Event != "export" {
		t.Errorf("second entry = %+v, want sup export", e)
	}
}

func TestAuditMasksNIK(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	if err := s.Audit(ctx, "op1", "lookup", "NIK "+nikA+" found"); err != nil {
		t.Fatal(err)
	}
	entries, _ := s.AuditLog(ctx, time.Time{})
	if len(entries) != 1 {
		t.Fatalf("AuditLog returned %d entries, want 1", len(entries))
	}
	if strings.Contains(entries[0].Detail, nikA) {
		t.Errorf("audit detail kept a NIK: %q", entries[0].Detail)
	}
}

func TestAuditRejectsEmptyEvent(t *testing.T) {
	s := openTemp(t)
	if err := s.Audit(context.Background(), "op1", "", "x"); err == nil {
		t.Error("Audit with an empty event succeeded, want an error")
	}
}
