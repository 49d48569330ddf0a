package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// OutcomeHits is the Outcome of the UsageRow that carries a day's reserved
// hits, beside the rows of the outcomes recorded with RecordOutcome.
const OutcomeHits = "hits"

// UsageRow is one counter of the semester report: how many times operator
// got outcome on day, or how many hits operator reserved when Outcome is
// OutcomeHits.
type UsageRow struct {
	Day      time.Time // midnight, local time
	Operator string
	Outcome  string
	Count    int
}

// ReserveHit counts one gateway hit for operator on day before the call is
// sent. The day's total over all operators is compared with limit: at the
// limit nothing changes and reserved is false. used is the day's total after
// the call, including this hit when it was reserved.
func (s *Store) ReserveHit(ctx context.Context, day time.Time, operator string, limit int) (reserved bool, used int, err error) {
	if limit < 1 {
		return false, 0, fmt.Errorf("reserve hit: invalid daily quota %d; set a quota of at least 1", limit)
	}

	key := dayKey(day)
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx,
			`SELECT coalesce(sum(count), 0) FROM hits WHERE day = ?`, key).Scan(&used); err != nil {
			return err
		}
		if used >= limit {
			return nil
		}

		reserved = true
		used++
		_, err := tx.ExecContext(ctx, `
			INSERT INTO hits (day, operator, count) VALUES (?, ?, 1)
			ON CONFLICT (day, operator) DO UPDATE SET count = count + 1`, key, operator)
		return err
	})
	if err != nil {
		return false, 0, fmt.Errorf("reserve hit for %s on %s: %w", operator, key, err)
	}
	return reserved, used, nil
}

// ReleaseHit takes back one hit that ReserveHit counted for operator on
// day, for a call that surely never reached the gateway and so consumed
// nothing there. A count already at zero stays at zero.
func (s *Store) ReleaseHit(ctx context.Context, day time.Time, operator string) error {
	key := dayKey(day)
	_, err := s.db.ExecContext(ctx,
		`UPDATE hits SET count = count - 1 WHERE day = ? AND operator = ? AND count > 0`, key, operator)
	if err != nil {
		return fmt.Errorf("release hit for %s on %s: %w", operator, key, err)
	}
	return nil
}

// RecordOutcome counts one outcome (found, not-found, network-down, ...) for
// operator on day.
func (s *Store) RecordOutcome(ctx context.Context, day time.Time, operator, outcome string) error {
	key := dayKey(day)
	_, err := s.db.ExecContext(ctx, `
		INSERT INTO outcomes (day, operator, outcome, count) VALUES (?, ?, ?, 1)
		ON CONFLICT (day, operator, outcome) DO UPDATE SET count = count + 1`, key, operator, outcome)
	if err != nil {
		return fmt.Errorf("record outcome %s for %s on %s: %w", outcome, operator, key, err)
	}
	return nil
}

// HitsOn returns the hits reserved on day over all operators.
func (s *Store) HitsOn(ctx context.Context, day time.Time) (int, error) {
	var n int
	key := dayKey(day)
	if err := s.db.QueryRowContext(ctx,
		`SELECT coalesce(sum(count), 0) FROM hits WHERE day = ?`, key).Scan(&n); err != nil {
		return 0, fmt.Errorf("read hits on %s: %w", key, err)
	}
	return n, nil
}

// Usage returns the counters of the days from through to, both included,
// ordered by day, operator and outcome. Reserved hits come as rows with
// Outcome OutcomeHits.
func (s *Store) Usage(ctx context.Context, from, to time.Time) ([]UsageRow, error) {
	first, last := dayKey(from), dayKey(to)
	rows, err := s.db.QueryContext(ctx, `
		SELECT day, operator, ?, count FROM hits WHERE day BETWEEN ? AND ?
		UNION ALL
		SELECT day, operator, outcome, count FROM outcomes WHERE day BETWEEN ? AND ?
		ORDER BY 1, 2, 3`, OutcomeHits, first, last, first, last)
	if err != nil {
		return nil, fmt.Errorf("read usage %s to %s: %w", first, last, err)
	}
	defer rows.Close()

	var usage []UsageRow
	for rows.Next() {
		var r UsageRow
		var day string
		if err := rows.Scan(&day, &r.Operator, &r.Outcome, &r.Count); err != nil {
			return nil, fmt.Errorf("read usage %s to %s: %w", first, last, err)
		}
		if r.Day, err = time.ParseInLocation(time.DateOnly, day, time.Local); err != nil {
			return nil, fmt.Errorf("read usage: invalid day %q in the database: %w", day, err)
		}
		usage = append(usage, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read usage %s to %s: %w", first, last, err)
	}
	return usage, nil
}
