package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// AuditEntry is one event of the audit trail.
type AuditEntry struct {
	ID       int64
	At       time.Time
	Operator string
	Event    string
	Detail   string
}

// Audit appends an event (sign-in, lookup, export, ...) by operator to the
// audit trail. The trail names the operator, never the applicant: callers
// must not pass a NIK, a name or any other personal data in event or
// detail. As a safety net, 16-digit numbers in them are masked.
func (s *Store) Audit(ctx context.Context, operator, event string, detail string) error {
	if event == "" {
		return errors.New("audit: empty event name")
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO audit (at, operator, event, detail) VALUES (?, ?, ?, ?)`,
		s.now().UnixMilli(), operator, MaskNIKs(event), MaskNIKs(detail))
	if err != nil {
		return fmt.Errorf("audit %s by %s: %w", event, operator, err)
	}
	return nil
}

// AuditLog returns the events at or after since, oldest first.
func (s *Store) AuditLog(ctx context.Context, since time.Time) ([]AuditEntry, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT id, at, operator, event, detail FROM audit WHERE at >= ? ORDER BY at, id`, since.UnixMilli())
	if err != nil {
		return nil, fmt.Errorf("read audit trail: %w", err)
	}
	defer rows.Close()

	var entries []AuditEntry
	for rows.Next() {
		var e AuditEntry
		var at sql.NullInt64
		if err := rows.Scan(&e.ID, &at, &e.Operator, &e.Event, &e.Detail); err != nil {
			return nil, fmt.Errorf("read audit trail: %w", err)
		}
		e.At = fromMilli(at)
		entries = append(entries, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read audit trail: %w", err)
	}
	return entries, nil
}

// Setting returns the value stored under key, and false when there is none.
func (s *Store) Setting(ctx context.Context, key string) (string, bool, error) {
	var value string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&value)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("read setting %s: %w", key, err)
	}
	return value, true, nil
}

// SetSetting stores value under key, replacing any earlier value.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	if key == "" {
		return errors.New("set setting: empty key")
	}
	_, err := s.db.ExecContext(ctx, `
		INSERT INTO settings (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	if err != nil {
		return fmt.Errorf("set setting %s: %w", key, err)
	}
	return nil
}
