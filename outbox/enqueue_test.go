package outbox

import (
	"context"
	"errors"
	"testing"

	"github.com/disdikbud/kiosk/ppdb"
)

func TestEnqueueStoresNormalisedRecord(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	b := testBalikan(1)
	b.Set(ppdb.FieldSchoolName, "  SMP   Negeri 1  Contoh ")

	id, err := EnqueueKey(ctx, st, b, "op1", "key-1")
	if err != nil {
		t.Fatal(err)
	}
	got, err := st.Balikan(ctx, "key-1")
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != id || got.NIK != b.NIK || got.Operator != "op1" {
		t.Errorf("queued record = ID %d operator %s, want ID %d operator op1 and the NIK", got.ID, got.Operator, id)
	}
	want := [8]string{"DN-03 DI 0000001", "", "", "", "KIP", "SMP Negeri 1 Contoh", "A", "Jl. Contoh No. 1"}
	if got.Values != want {
		t.Errorf("queued values = %q, want normalised %q", got.Values, want)
	}
}

func TestEnqueueReturnsFieldErrors(t *testing.T) {
	st := openStore(t)
	b := testBalikan(1)
	b.Set(ppdb.FieldAccreditation, "Z")
	b.Set(ppdb.FieldNUPTK, "123")

	_, err := Enqueue(context.Background(), st, b, "op1")
	var invalid *ValidationError
	if !errors.As(err, &invalid) {
		t.Fatalf("Enqueue of an invalid record: err = %v, want *ValidationError", err)
	}
	fields := map[ppdb.BalikanField]ppdb.BalikanProblem{}
	for _, p := range invalid.Problems {
		fields[p.Field] = p.Problem
	}
	if fields[ppdb.FieldAccreditation] != ppdb.ProblemAccreditation {
		t.Errorf("problems = %+v, want accreditation invalid", invalid.Problems)
	}
	if fields[ppdb.FieldNUPTK] != ppdb.ProblemSixteenDigits {
		t.Errorf("problems = %+v, want NUPTK not sixteen digits", invalid.Problems)
	}

	var fieldErr ppdb.BalikanError
	if !errors.As(err, &fieldErr) {
		t.Error("errors.As could not reach a ppdb.BalikanError through the ValidationError")
	}
	if stats := queueStats(t, st); stats.Pending != 0 {
		t.Errorf("%d records queued after a validation error, want 0", stats.Pending)
	}
}

func TestEnqueueRejectsInvalidNIK(t *testing.T) {
	st := openStore(t)
	b := testBalikan(1)
	b.NIK = "12345"

	_, err := Enqueue(context.Background(), st, b, "op1")
	var nikErr *ppdb.NIKError
	if !errors.As(err, &nikErr) {
		t.Errorf("Enqueue with a short NIK: err = %v, want *ppdb.NIKError", err)
	}
}

func TestEnqueueRequiresOperator(t *testing.T) {
	st := openStore(t)
	if _, err := Enqueue(context.Background(), st, testBalikan(1), ""); err == nil {
		t.Error("Enqueue without an operator succeeded, want an error")
	}
}

func TestEnqueueKeyIsIdempotent(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	first, err := EnqueueKey(ctx, st, testBalikan(1), "op1", "form-1")
	if err != nil {
		t.Fatal(err)
	}
	again, err := EnqueueKey(ctx, st, testBalikan(1), "op1", "form-1")
	if err != nil {
		t.Fatal(err)
	}
	if again != first {
		t.Errorf("second submit returned ID %d, want %d", again, first)
	}
	if stats := queueStats(t, st); stats.Pending != 1 {
		t.Errorf("%d records pending after a double submit, want 1", stats.Pending)
	}
}

func TestNewKeyIsRandomHex(t *testing.T) {
	a, b := NewKey(), NewKey()
	if len(a) != 32 {
		t.Errorf("NewKey length = %d, want 32 hex digits", len(a))
	}
	if a == b {
		t.Error("two NewKey calls returned the same key")
	}
}
