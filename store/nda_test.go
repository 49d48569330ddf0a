package store

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"
)

func TestSetNDADateLetsOperatorSignIn(t *testing.T) {
	ctx := context.Background()
	st, err := Open(ctx, filepath.Join(t.TempDir(), "kiosk.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.PutOperator(ctx, Operator{ID: "OP09", Name: "Operator Fiktif"}, "4321"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Authenticate(ctx, "OP09", "4321"); !errors.Is(err, ErrNoNDA) {
		t.Fatalf("sign-in before the NDA date: %v, want ErrNoNDA", err)
	}

	day := time.Date(2026, 7, 1, 0, 0, 0, 0, time.Local)
	if err := st.SetNDADate(ctx, "OP09", day); err != nil {
		t.Fatal(err)
	}
	op, err := st.Authenticate(ctx, "OP09", "4321")
	if err != nil {
		t.Fatalf("sign-in after the NDA date: %v", err)
	}
	if !op.NDADate.Equal(day) {
		t.Errorf("NDA date = %v, want %v", op.NDADate, day)
	}

	if err := st.SetNDADate(ctx, "NOBODY", day); !errors.Is(err, ErrUnknownOperator) {
		t.Errorf("NDA date of an unknown ID: %v, want ErrUnknownOperator", err)
	}
	if err := st.SetNDADate(ctx, "OP09", time.Time{}); err == nil {
		t.Error("empty NDA date accepted")
	}
}
