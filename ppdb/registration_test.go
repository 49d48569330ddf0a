package ppdb

import (
	"errors"
	"testing"
)

func verified(t *testing.T) *Registration {
	t.Helper()
	r := NewRegistration()
	if err := r.CardRead(Resident{NIK: testNIK, Name: "BUDI FIKTIF"}); err != nil {
		t.Fatal(err)
	}
	if _, err := r.FingerResult(true, 4); err != nil {
		t.Fatal(err)
	}
	return r
}

func TestRegistrationLookupNeedsFingerprint(t *testing.T) {
	r := NewRegistration()
	if err := r.BeginLookup(testNIK); !errors.Is(err, ErrStage) {
		t.Errorf("lookup before the card: %v, want ErrStage", err)
	}
	_ = r.CardRead(Resident{NIK: testNIK})
	if err := r.BeginLookup(testNIK); !errors.Is(err, ErrStage) {
		t.Errorf("lookup before the fingerprint: %v, want ErrStage", err)
	}
}

func TestRegistrationFingerAttempts(t *testing.T) {
	r := NewRegistration()
	_ = r.CardRead(Resident{NIK: testNIK, Name: "BUDI FIKTIF"})
	for want := 3; want >= 1; want-- {
		left, err := r.FingerResult(false, 4)
		if err != nil || left != want {
			t.Fatalf("no-match: left %d, err %v; want %d", left, err, want)
		}
	}
	left, _ := r.FingerResult(false, 4)
	if left != 0 || r.Stage() != StageCard {
		t.Errorf("after four no-matches: left %d, stage %v; want 0 and StageCard", left, r.Stage())
	}
	if r.Holder.Name != "" || r.HolderVerified {
		t.Error("rejected card's data kept")
	}
}

func TestRegistrationNoSecondLookup(t *testing.T) {
	r := verified(t)
	if err := r.BeginLookup(testNIK); err != nil {
		t.Fatal(err)
	}
	if err := r.BeginLookup(testNIK); !errors.Is(err, ErrAlreadyLookedUp) {
		t.Errorf("second lookup: %v, want ErrAlreadyLookedUp", err)
	}
	r.ForgetLookup(testNIK)
	if err := r.BeginLookup(testNIK); err != nil {
		t.Errorf("lookup after ForgetLookup: %v", err)
	}
}

func TestRegistrationBalikanTargets(t *testing.T) {
	r := verified(t)
	student := "3313042307120002"
	if err := r.BeginBalikan(student); !errors.Is(err, ErrStage) {
		t.Errorf("balikan for a NIK never found: %v, want ErrStage", err)
	}
	_ = r.BeginLookup(student)
	r.LookupFound(Resident{NIK: student, NoKK: "3313040101100007"})
	if err := r.BeginBalikan(student); err != nil {
		t.Fatalf("balikan for the found student: %v", err)
	}
	if err := r.BalikanQueued(); err != nil || r.Stage() != StageDone {
		t.Errorf("BalikanQueued: %v, stage %v", err, r.Stage())
	}
}

func TestRegistrationWipe(t *testing.T) {
	r := verified(t)
	_ = r.BeginLookup(testNIK)
	r.LookupFound(Resident{NIK: testNIK, NoKK: "3313040101100007", Name: "BUDI FIKTIF"})
	r.Wipe()
	if r.Holder != (Resident{}) || r.HolderRecord != (Resident{}) || r.Student != (Resident{}) {
		t.Error("Wipe left resident data")
	}
	if r.SubjectNIK != "" || r.HolderVerified || r.Stage() != StageCard {
		t.Errorf("Wipe left state: subject %q, verified %v, stage %v", r.SubjectNIK, r.HolderVerified, r.Stage())
	}
	if err := r.BeginLookup(testNIK); !errors.Is(err, ErrStage) {
		t.Errorf("lookup after Wipe: %v, want ErrStage", err)
	}
}

func TestResidentStringRedacts(t *testing.T) {
	r := Resident{NIK: testNIK, Name: "BUDI FIKTIF"}
	for _, s := range []string{r.String(), r.GoString()} {
		if contains(s, testNIK) || contains(s, "BUDI") {
			t.Errorf("String() = %q leaks data", s)
		}
	}
}
