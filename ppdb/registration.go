package ppdb

import "errors"

// Stage is a registration's step in the operator flow.
type Stage int

const (
	StageCard    Stage = iota // waiting for an e-KTP
	StageFinger               // card read, fingerprint not yet matched
	StageLookup               // card holder verified; lookups allowed
	StageBalikan              // balikan being entered for Subject
	StageDone                 // balikan queued
)

// ErrStage is returned when a step is taken out of order, for example a
// lookup before the fingerprint matched.
var ErrStage = errors.New("registration step out of order")

// ErrAlreadyLookedUp is returned when a NIK was looked up earlier in the
// same registration: the result is already on screen and a second call
// would waste a hit of the daily quota.
var ErrAlreadyLookedUp = errors.New("NIK already looked up in this registration")

// Registration is the state of one applicant's registration, from the
// card to the queued balikan. It holds population data, so the kiosk keeps
// exactly one, in memory, and calls Wipe at the end, on idle timeout and on
// lock. It does no I/O: the TUI performs each step and reports the outcome.
type Registration struct {
	stage Stage

	// Holder is the card holder as read from the chip. It is trusted as
	// the holder's identity only once HolderVerified is true.
	Holder         Resident
	HolderVerified bool
	FingerAttempts int

	// HolderRecord is the gateway's record of the card holder's NIK, once
	// looked up; it carries the No KK that the chip lacks.
	HolderRecord      Resident
	HolderRecordFound bool

	// Student is the gateway's record of a NIK typed from the Kartu
	// Keluarga, for an applicant without an e-KTP.
	Student      Resident
	StudentFound bool

	// SubjectNIK is the NIK the balikan is for: the card holder's, or the
	// last NIK the gateway found.
	SubjectNIK string

	lookedUp map[string]bool
}

// NewRegistration starts a registration that waits for a card.
func NewRegistration() *Registration {
	return &Registration{lookedUp: map[string]bool{}}
}

// Stage returns the registration's current step.
func (r *Registration) Stage() Stage { return r.stage }

// CardRead records the chip's biodata and moves on to the fingerprint.
func (r *Registration) CardRead(holder Resident) error {
	if r.stage != StageCard {
		return ErrStage
	}
	r.Holder = holder
	r.FingerAttempts = 0
	r.stage = StageFinger
	return nil
}

// FingerResult records one fingerprint attempt. A match makes the card's
// NIK trusted and the card holder the default subject. It returns the
// attempts left; at zero the card is rejected and the registration goes
// back to waiting for a card.
func (r *Registration) FingerResult(matched bool, maxAttempts int) (left int, err error) {
	if r.stage != StageFinger {
		return 0, ErrStage
	}
	r.FingerAttempts++
	if matched {
		r.HolderVerified = true
		r.SubjectNIK = r.Holder.NIK
		r.stage = StageLookup
		return maxAttempts - r.FingerAttempts, nil
	}
	left = maxAttempts - r.FingerAttempts
	if left <= 0 {
		r.Holder.Wipe()
		r.stage = StageCard
		return 0, nil
	}
	return left, nil
}

// BeginLookup checks that nik may be looked up now and marks it as looked
// up. Lookups need a verified card holder, and each NIK is looked up at
// most once per registration.
func (r *Registration) BeginLookup(nik string) error {
	if r.stage != StageLookup || !r.HolderVerified {
		return ErrStage
	}
	if r.lookedUp[nik] {
		return ErrAlreadyLookedUp
	}
	r.lookedUp[nik] = true
	return nil
}

// ForgetLookup undoes BeginLookup for a call that surely never reached the
// gateway, so the operator may try again.
func (r *Registration) ForgetLookup(nik string) { delete(r.lookedUp, nik) }

// LookupFound stores the gateway's record for a NIK looked up in this
// registration and makes it the balikan's subject.
func (r *Registration) LookupFound(rec Resident) {
	if rec.NIK == r.Holder.NIK {
		r.HolderRecord, r.HolderRecordFound = rec, true
	} else {
		r.Student.Wipe()
		r.Student, r.StudentFound = rec, true
	}
	r.SubjectNIK = rec.NIK
}

// Record returns the gateway's record for nik, if this registration has
// one.
func (r *Registration) Record(nik string) (*Resident, bool) {
	switch {
	case r.HolderRecordFound && r.HolderRecord.NIK == nik:
		return &r.HolderRecord, true
	case r.StudentFound && r.Student.NIK == nik:
		return &r.Student, true
	}
	return nil, false
}

// BeginBalikan moves to balikan entry for nik, which must be the card
// holder's verified NIK or a NIK the gateway found in this registration.
func (r *Registration) BeginBalikan(nik string) error {
	if r.stage != StageLookup {
		return ErrStage
	}
	if _, found := r.Record(nik); nik != r.Holder.NIK && !found {
		return ErrStage
	}
	r.SubjectNIK = nik
	r.stage = StageBalikan
	return nil
}

// BackToLookup leaves balikan entry without queuing anything.
func (r *Registration) BackToLookup() {
	if r.stage == StageBalikan {
		r.stage = StageLookup
	}
}

// BalikanQueued ends the registration's work; Wipe comes next.
func (r *Registration) BalikanQueued() error {
	if r.stage != StageBalikan {
		return ErrStage
	}
	r.stage = StageDone
	return nil
}

// Wipe drops every value of the registration and starts over at the card.
func (r *Registration) Wipe() {
	r.Holder.Wipe()
	r.HolderRecord.Wipe()
	r.Student.Wipe()
	clear(r.lookedUp)
	*r = Registration{lookedUp: r.lookedUp}
}
