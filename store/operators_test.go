package store

import (
	"context"
	"errors"
	"testing"
	"time"
)

var ndaSigned = time.Date(2024, 7, 1, 0, 0, 0, 0, time.Local)

func putOperator(t *testing.T, s *Store, op Operator, pin string) {
	t.Helper()
	if err := s.PutOperator(context.Background(), op, pin); err != nil {
		t.Fatalf("PutOperator(%s): %v", op.ID, err)
	}
}

func TestPutOperatorPINRules(t *testing.T) {
	s := openTemp(t)
	cases := []struct {
		pin string
		ok  bool
	}{
		{"1234", true},
		{"12345678", true},
		{"123", false},
		{"123456789", false},
		{"12a4", false},
		{"", false},
		{"１２３４", false}, // full-width digits
	}
	for _, c := range cases {
		err := s.PutOperator(context.Background(), Operator{ID: "op", Name: "Operator Satu", NDADate: ndaSigned}, c.pin)
		if c.ok && err != nil {
			t.Errorf("PutOperator with PIN %q: %v, want success", c.pin, err)
		}
		if !c.ok && err == nil {
			t.Errorf("PutOperator with PIN %q succeeded, want an error", c.pin)
		}
	}
}

func TestPutOperatorRequiresIDAndName(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	if err := s.PutOperator(ctx, Operator{Name: "Tanpa ID"}, "1234"); err == nil {
		t.Error("PutOperator without ID succeeded, want an error")
	}
	if err := s.PutOperator(ctx, Operator{ID: "op"}, "1234"); err == nil {
		t.Error("PutOperator without name succeeded, want an error")
	}
}

func TestAuthenticateOutcomes(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	putOperator(t, s, Operator{ID: "sup", Name: "Kepala Kantor", Supervisor: true, NDADate: ndaSigned}, "2468")
	putOperator(t, s, Operator{ID: "new", Name: "Operator Baru"}, "1357")

	op, err := s.Authenticate(ctx, "sup", "2468")
	if err != nil {
		t.Fatalf("Authenticate with the right PIN: %v", err)
	}
	if op.ID != "sup" || op.Name != "Kepala Kantor" || !op.Supervisor || !op.NDADate.Equal(ndaSigned) {
		t.Errorf("Authenticate returned %+v, want the stored account", op)
	}

	if _, err := s.Authenticate(ctx, "nobody", "2468"); !errors.Is(err, ErrUnknownOperator) {
		t.Errorf("unknown operator: err = %v, want ErrUnknownOperator", err)
	}
	if _, err := s.Authenticate(ctx, "sup", "0000"); !errors.Is(err, ErrWrongPIN) {
		t.Errorf("wrong PIN: err = %v, want ErrWrongPIN", err)
	}
	if _, err := s.Authenticate(ctx, "new", "1357"); !errors.Is(err, ErrNoNDA) {
		t.Errorf("account without NDA: err = %v, want ErrNoNDA", err)
	}
	if _, err := s.Authenticate(ctx, "new", "9999"); !errors.Is(err, ErrWrongPIN) {
		t.Errorf("account without NDA, wrong PIN: err = %v, want ErrWrongPIN before the NDA check", err)
	}
}

func TestAuthenticateLocksOutAfterFiveWrongPINs(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	clock := time.Date(2024, 7, 8, 9, 0, 0, 0, time.Local)
	s.now = func() time.Time { return clock }
	putOperator(t, s, Operator{ID: "op", Name: "Operator Satu", NDADate: ndaSigned}, "1234")

	for i := 1; i < MaxFailedPINs; i++ {
		_, err := s.Authenticate(ctx, "op", "0000")
		if !errors.Is(err, ErrWrongPIN) || errors.Is(err, ErrLockedOut) {
			t.Fatalf("wrong PIN %d: err = %v, want ErrWrongPIN only", i, err)
		}
	}
	_, err := s.Authenticate(ctx, "op", "0000")
	if !errors.Is(err, ErrWrongPIN) || !errors.Is(err, ErrLockedOut) {
		t.Fatalf("wrong PIN %d: err = %v, want ErrWrongPIN and ErrLockedOut", MaxFailedPINs, err)
	}

	clock = clock.Add(LockoutPeriod - time.Second)
	if _, err := s.Authenticate(ctx, "op", "1234"); !errors.Is(err, ErrLockedOut) {
		t.Errorf("right PIN during lockout: err = %v, want ErrLockedOut", err)
	}

	clock = clock.Add(2 * time.Second)
	if _, err := s.Authenticate(ctx, "op", "1234"); err != nil {
		t.Errorf("right PIN after lockout: %v, want success", err)
	}
}

func TestAuthenticateRightPINResetsFailures(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	putOperator(t, s, Operator{ID: "op", Name: "Operator Satu", NDADate: ndaSigned}, "1234")

	for round := 0; round < 2; round++ {
		for i := 1; i < MaxFailedPINs; i++ {
			if _, err := s.Authenticate(ctx, "op", "0000"); errors.Is(err, ErrLockedOut) {
				t.Fatalf("round %d, wrong PIN %d locked the account; failures must not carry over a right PIN", round, i)
			}
		}
		if _, err := s.Authenticate(ctx, "op", "1234"); err != nil {
			t.Fatalf("round %d, right PIN: %v", round, err)
		}
	}
}

func TestPutOperatorReplacesPINAndClearsLockout(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	putOperator(t, s, Operator{ID: "op", Name: "Operator Satu", NDADate: ndaSigned}, "1234")
	for i := 0; i < MaxFailedPINs; i++ {
		s.Authenticate(ctx, "op", "0000")
	}

	putOperator(t, s, Operator{ID: "op", Name: "Operator Satu", NDADate: ndaSigned}, "5678")
	if _, err := s.Authenticate(ctx, "op", "5678"); err != nil {
		t.Errorf("new PIN after reset: %v, want success", err)
	}
	if _, err := s.Authenticate(ctx, "op", "1234"); !errors.Is(err, ErrWrongPIN) {
		t.Errorf("old PIN after reset: err = %v, want ErrWrongPIN", err)
	}
}

func TestOperatorsListAndCount(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()

	n, err := s.CountOperators(ctx)
	if err != nil || n != 0 {
		t.Fatalf("CountOperators on a new store = %d, %v; want 0", n, err)
	}
	putOperator(t, s, Operator{ID: "b", Name: "Operator B"}, "1234")
	putOperator(t, s, Operator{ID: "a", Name: "Operator A", Supervisor: true, NDADate: ndaSigned}, "1234")

	n, err = s.CountOperators(ctx)
	if err != nil || n != 2 {
		t.Errorf("CountOperators = %d, %v; want 2", n, err)
	}
	ops, err := s.Operators(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(ops) != 2 || ops[0].ID != "a" || ops[1].ID != "b" {
		t.Fatalf("Operators = %+v, want a then b", ops)
	}
	if !ops[0].Supervisor || !ops[0].NDADate.Equal(ndaSigned) {
		t.Errorf("Operators[0] = %+v, want supervisor with NDA date", ops[0])
	}
	if ops[1].Supervisor || !ops[1].NDADate.IsZero() {
		t.Errorf("Operators[1] = %+v, want operator without NDA date", ops[1])
	}
}
