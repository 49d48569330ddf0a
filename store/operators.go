package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"golang.org/x/crypto/bcrypt"
)

// Sign-in limits for operator accounts.
const (
	MaxFailedPINs = 5               // wrong PINs in a row before the account locks
	LockoutPeriod = 5 * time.Minute // how long a locked account stays locked
)

// Errors that Authenticate wraps, for errors.Is.
var (
	ErrUnknownOperator = errors.New("unknown operator")
	ErrWrongPIN        = errors.New("wrong PIN")
	ErrNoNDA           = errors.New("no NDA date recorded")
	ErrLockedOut       = errors.New("operator locked out")
)

// Operator is a local operator account. An account without an NDA date
// cannot sign in, because each operator must have signed the
// non-disclosure agreement before handling population data.
type Operator struct {
	ID         string
	Name       string
	Supervisor bool
	NDADate    time.Time // the day the NDA was signed; zero when none is recorded
}

// PutOperator creates the operator op.ID, or replaces its name, role, NDA
// date and PIN. The PIN must be 4 to 8 digits and is stored as a bcrypt
// hash. Replacing an account clears its failed sign-ins and lockout.
func (s *Store) PutOperator(ctx context.Context, op Operator, pin string) error {
	if op.ID == "" {
		return errors.New("put operator: empty operator ID; give the account an ID")
	}
	if op.Name == "" {
		return fmt.Errorf("put operator %s: empty name; give the operator's name", op.ID)
	}
	if err := checkPIN(pin); err != nil {
		return fmt.Errorf("put operator %s: %w", op.ID, err)
	}

	hash, err := bcrypt.GenerateFromPassword([]byte(pin), bcrypt.DefaultCost)
	if err != nil {
		return fmt.Errorf("put operator %s: hash PIN: %w", op.ID, err)
	}

	_, err = s.db.ExecContext(ctx, `
		INSERT INTO operators (id, name, supervisor, nda_date, pin_hash, failed_attempts, locked_until)
		VALUES (?, ?, ?, ?, ?, 0, NULL)
		ON CONFLICT (id) DO UPDATE SET
			name = excluded.name, supervisor = excluded.supervisor, nda_date = excluded.nda_date,
			pin_hash = excluded.pin_hash, failed_attempts = 0, locked_until = NULL`,
		op.ID, op.Name, op.Supervisor, ndaText(op.NDADate), hash)
	if err != nil {
		return fmt.Errorf("put operator %s: %w", op.ID, err)
	}
	return nil
}

// checkPIN accepts 4 to 8 ASCII digits.
func checkPIN(pin string) error {
	if len(pin) < 4 || len(pin) > 8 {
		return fmt.Errorf("invalid PIN: %d characters, expected 4 to 8 digits", len(pin))
	}
	for _, r := range pin {
		if r < '0' || r > '9' {
			return errors.New("invalid PIN: only digits 0-9 are allowed")
		}
	}
	return nil
}

// Authenticate checks an operator's PIN and returns the account. The PIN is
// checked before the NDA, so only someone with the right PIN learns that the
// NDA is missing. The fifth wrong PIN in a row locks the account for
// LockoutPeriod, and its error wraps both ErrWrongPIN and ErrLockedOut.
func (s *Store) Authenticate(ctx context.Context, id, pin string) (Operator, error) {
	op, hash, lockedUntil, err := s.loadOperator(ctx, id)
	if errors.Is(err, sql.ErrNoRows) {
		return Operator{}, fmt.Errorf("sign in %q: %w; check the operator ID", id, ErrUnknownOperator)
	}
	if err != nil {
		return Operator{}, fmt.Errorf("sign in %q: %w", id, err)
	}

	now := s.now()
	if now.Before(lockedUntil) {
		return Operator{}, fmt.Errorf("sign in %q: %w until %s after %d wrong PINs; wait or ask a supervisor to reset the PIN",
			id, ErrLockedOut, lockedUntil.Format("15:04"), MaxFailedPINs)
	}

	if bcrypt.CompareHashAndPassword(hash, []byte(pin)) != nil {
		return Operator{}, s.recordWrongPIN(ctx, id, now)
	}

	if _, err := s.db.ExecContext(ctx,
		`UPDATE operators SET failed_attempts = 0, locked_until = NULL WHERE id = ?`, id); err != nil {
		return Operator{}, fmt.Errorf("sign in %q: %w", id, err)
	}
	if op.NDADate.IsZero() {
		return Operator{}, fmt.Errorf("sign in %q: %w; a supervisor must record the NDA date first", id, ErrNoNDA)
	}
	return op, nil
}

// recordWrongPIN counts a failed sign-in and locks the account at the
// MaxFailedPINs-th in a row. It returns the error Authenticate reports.
func (s *Store) recordWrongPIN(ctx context.Context, id string, now time.Time) error {
	var failed int
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx,
			`UPDATE operators SET failed_attempts = failed_attempts + 1 WHERE id = ? RETURNING failed_attempts`,
			id).Scan(&failed)
		if err != nil || failed < MaxFailedPINs {
			return err
		}
		_, err = tx.ExecContext(ctx,
			`UPDATE operators SET failed_attempts = 0, locked_until = ? WHERE id = ?`,
			now.Add(LockoutPeriod).UnixMilli(), id)
		return err
	})
	if err != nil {
		return fmt.Errorf("sign in %q: record wrong PIN: %w", id, err)
	}

	if failed >= MaxFailedPINs {
		return fmt.Errorf("sign in %q: %w, %w for %s; wait or ask a supervisor to reset the PIN",
			id, ErrWrongPIN, ErrLockedOut, LockoutPeriod)
	}
	return fmt.Errorf("sign in %q: %w, %d tries left before a %s lockout",
		id, ErrWrongPIN, MaxFailedPINs-failed, LockoutPeriod)
}

func (s *Store) loadOperator(ctx context.Context, id string) (Operator, []byte, time.Time, error) {
	var (
		op          Operator
		nda         sql.NullString
		hash        []byte
		lockedUntil sql.NullInt64
	)
	err := s.db.QueryRowContext(ctx,
		`SELECT id, name, supervisor, nda_date, pin_hash, locked_until FROM operators WHERE id = ?`, id).
		Scan(&op.ID, &op.Name, &op.Supervisor, &nda, &hash, &lockedUntil)
	if err != nil {
		return Operator{}, nil, time.Time{}, err
	}
	op.NDADate, err = parseNDA(nda)
	return op, hash, fromMilli(lockedUntil), err
}

// Operators returns every account, ordered by ID.
func (s *Store) Operators(ctx context.Context) ([]Operator, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, supervisor, nda_date FROM operators ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("list operators: %w", err)
	}
	defer rows.Close()

	var ops []Operator
	for rows.Next() {
		var op Operator
		var nda sql.NullString
		if err := rows.Scan(&op.ID, &op.Name, &op.Supervisor, &nda); err != nil {
			return nil, fmt.Errorf("list operators: %w", err)
		}
		if op.NDADate, err = parseNDA(nda); err != nil {
			return nil, fmt.Errorf("list operators: %w", err)
		}
		ops = append(ops, op)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list operators: %w", err)
	}
	return ops, nil
}

// CountOperators returns the number of accounts; zero means the kiosk still
// needs its first supervisor.
func (s *Store) CountOperators(ctx context.Context) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM operators`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count operators: %w", err)
	}
	return n, nil
}

// ndaText stores an NDA date as its calendar day, or NULL for none.
// SetNDADate records the day operator id signed the non-disclosure
// agreement, so the account may sign in. It returns ErrUnknownOperator
// for an ID without an account.
func (s *Store) SetNDADate(ctx context.Context, id string, day time.Time) error {
	if day.IsZero() {
		return fmt.Errorf("set NDA date of %s: empty date; give the day the NDA was signed", id)
	}
	res, err := s.db.ExecContext(ctx, `UPDATE operators SET nda_date = ? WHERE id = ?`, ndaText(day), id)
	if err != nil {
		return fmt.Errorf("set NDA date of %s: %w", id, err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return fmt.Errorf("set NDA date of %q: %w; check the operator ID", id, ErrUnknownOperator)
	}
	return nil
}

func ndaText(d time.Time) any {
	if d.IsZero() {
		return nil
	}
	return d.Format(time.DateOnly)
}

func parseNDA(v sql.NullString) (time.Time, error) {
	if !v.Valid {
		return time.Time{}, nil
	}
	d, err := time.ParseInLocation(time.DateOnly, v.String, time.Local)
	if err != nil {
		return time.Time{}, fmt.Errorf("invalid NDA date %q in the database: %w", v.String, err)
	}
	return d, nil
}
