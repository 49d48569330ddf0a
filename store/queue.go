package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// State is the delivery state of a queued balikan record.
type State string

// A record moves Pending -> Sending -> Delivered through the delivery
// worker, or Pending -> Exporting -> Exported through a file export.
// Sending and Exporting go back to Pending on failure and at start.
const (
	Pending   State = "pending"
	Sending   State = "sending"
	Exporting State = "exporting"
	Delivered State = "delivered"
	Exported  State = "exported"
)

// QueuedBalikan is one balikan record in the queue. Once it is Delivered or
// Exported, NIK and Values are empty and the row is only a receipt.
type QueuedBalikan struct {
	ID  int64
	Key string // idempotency key, unique in the queue
	NIK string
	// Values are Nomor Ijazah, Nomor SKPI, NUPTK, NITK, Keterangan
	// Beasiswa, Nama Sekolah, Akreditasi and Alamat Sekolah, in that order.
	Values      [8]string
	Operator    string
	CreatedAt   time.Time
	State       State
	Attempts    int
	NextAttempt time.Time
	LastError   string
	DeliveredAt time.Time
	ExportedAt  time.Time
	ExportFile  string
}

// QueueStats counts the queue's records by state.
type QueueStats struct {
	Pending, Sending, Exporting, Delivered, Exported int
	LastDelivery                                     time.Time // zero when nothing was delivered yet
}

// maxLastError bounds the stored delivery error, which comes from the
// gateway and can be long.
const maxLastError = 500

const balikanColumns = `id, key, nik, ijazah, skpi, nuptk, nitk, beasiswa, nama_sekolah, akreditasi,
	alamat_sekolah, operator, created_at, state, attempts, next_attempt, last_error,
	delivered_at, exported_at, export_file`

// erasedColumns is the SET clause that turns a record into a receipt.
const erasedColumns = `nik = NULL, ijazah = NULL, skpi = NULL, nuptk = NULL, nitk = NULL,
	beasiswa = NULL, nama_sekolah = NULL, akreditasi = NULL, alamat_sekolah = NULL`

// Enqueue stores b as a Pending record and returns its ID. The record is on
// disk when Enqueue returns. A Key that is already queued returns the
// existing record's ID and changes nothing, whatever b holds. A zero
// CreatedAt becomes now, and a zero NextAttempt becomes CreatedAt.
func (s *Store) Enqueue(ctx context.Context, b QueuedBalikan) (int64, error) {
	if err := checkEnqueue(b); err != nil {
		return 0, err
	}
	if b.CreatedAt.IsZero() {
		b.CreatedAt = s.now()
	}
	if b.NextAttempt.IsZero() {
		b.NextAttempt = b.CreatedAt
	}

	var id int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `
			INSERT INTO balikan (key, nik, ijazah, skpi, nuptk, nitk, beasiswa, nama_sekolah, akreditasi,
				alamat_sekolah, operator, created_at, state, next_attempt)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (key) DO NOTHING`,
			b.Key, b.NIK, b.Values[0], b.Values[1], b.Values[2], b.Values[3], b.Values[4], b.Values[5],
			b.Values[6], b.Values[7], b.Operator, b.CreatedAt.UnixMilli(), Pending, b.NextAttempt.UnixMilli())
		if err != nil {
			return err
		}
		return tx.QueryRowContext(ctx, `SELECT id FROM balikan WHERE key = ?`, b.Key).Scan(&id)
	})
	if err != nil {
		return 0, fmt.Errorf("enqueue balikan %s: %w", b.Key, err)
	}
	return id, nil
}

func checkEnqueue(b QueuedBalikan) error {
	switch {
	case b.Key == "":
		return errors.New("enqueue balikan: empty idempotency key; create one per record")
	case b.NIK == "":
		return fmt.Errorf("enqueue balikan %s: empty NIK", b.Key)
	case b.Operator == "":
		return fmt.Errorf("enqueue balikan %s: empty operator ID; an operator must be signed in", b.Key)
	}
	return nil
}

// ClaimBatch moves up to max Pending records whose NextAttempt is not after
// now to Sending and returns them, oldest due first.
func (s *Store) ClaimBatch(ctx context.Context, max int, now time.Time) ([]QueuedBalikan, error) {
	if max < 1 {
		return nil, fmt.Errorf("claim balikan batch: invalid batch size %d; use at least 1", max)
	}
	rows, err := s.db.QueryContext(ctx, `
		UPDATE balikan SET state = 'sending'
		WHERE id IN (
			SELECT id FROM balikan WHERE state = 'pending' AND next_attempt <= ?
			ORDER BY next_attempt, id LIMIT ?)
		RETURNING `+balikanColumns, now.UnixMilli(), max)
	if err != nil {
		return nil, fmt.Errorf("claim balikan batch: %w", err)
	}
	batch, err := scanBalikan(rows)
	if err != nil {
		return nil, fmt.Errorf("claim balikan batch: %w", err)
	}
	sortByDue(batch)
	return batch, nil
}

// MarkDelivered turns Pending and Sending records into receipts: the state
// becomes Delivered and the NIK and values are erased, then the write-ahead
// log is checkpointed so the erased values leave the -wal file too. Records
// in other states are left alone, so an exported record stays Exported. An
// error means nothing was marked.
func (s *Store) MarkDelivered(ctx context.Context, ids []int64, at time.Time) error {
	err := s.updateIDs(ctx, ids, `
		UPDATE balikan SET state = 'delivered', delivered_at = ?, last_error = '', `+erasedColumns+`
		WHERE state IN ('pending', 'sending') AND id IN `, at.UnixMilli())
	if err != nil {
		return fmt.Errorf("mark %d balikan records delivered: %w", len(ids), err)
	}
	s.checkpointAfterErase(ctx)
	return nil
}

// Release puts Sending records back to Pending after a failed delivery,
// counting the attempt and keeping them until next. Any 16-digit number in
// lastErr is masked, so a gateway message that quotes a NIK stores none.
func (s *Store) Release(ctx context.Context, ids []int64, lastErr string, next time.Time) error {
	err := s.updateIDs(ctx, ids, `
		UPDATE balikan SET state = 'pending', attempts = attempts + 1, last_error = ?, next_attempt = ?
		WHERE state = 'sending' AND id IN `, truncate(MaskNIKs(lastErr), maxLastError), next.UnixMilli())
	if err != nil {
		return fmt.Errorf("release %d balikan records: %w", len(ids), err)
	}
	return nil
}

// Requeue puts Sending records back to Pending, due at once, without
// counting an attempt: for a batch whose call was cut off by shutdown.
func (s *Store) Requeue(ctx context.Context, ids []int64) error {
	err := s.updateIDs(ctx, ids, `UPDATE balikan SET state = 'pending' WHERE state = 'sending' AND id IN `)
	if err != nil {
		return fmt.Errorf("requeue %d balikan records: %w", len(ids), err)
	}
	return nil
}

// RecoverSending puts records that a stopped process left Sending or
// Exporting back to Pending and returns how many. Some of them may have
// reached the gateway. It replies "Data sudah pernah dikirim" to those when
// they are sent again, which the delivery worker counts as delivered.
func (s *Store) RecoverSending(ctx context.Context) (int, error) {
	res, err := s.db.ExecContext(ctx,
		`UPDATE balikan SET state = 'pending' WHERE state IN ('sending', 'exporting')`)
	if err != nil {
		return 0, fmt.Errorf("recover balikan records left sending: %w", err)
	}
	n, err := res.RowsAffected()
	return int(n), err
}

// NextDue returns the earliest NextAttempt of the Pending records, and false
// when none is pending.
func (s *Store) NextDue(ctx context.Context) (time.Time, bool, error) {
	var next sql.NullInt64
	if err := s.db.QueryRowContext(ctx,
		`SELECT min(next_attempt) FROM balikan WHERE state = 'pending'`).Scan(&next); err != nil {
		return time.Time{}, false, fmt.Errorf("read next balikan attempt: %w", err)
	}
	return fromMilli(next), next.Valid, nil
}

// QueueStats counts the records by state and finds the last delivery.
func (s *Store) QueueStats(ctx context.Context) (QueueStats, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT state, count(*), max(delivered_at) FROM balikan GROUP BY state`)
	if err != nil {
		return QueueStats{}, fmt.Errorf("read queue stats: %w", err)
	}
	defer rows.Close()

	var st QueueStats
	for rows.Next() {
		var state State
		var n int
		var last sql.NullInt64
		if err := rows.Scan(&state, &n, &last); err != nil {
			return QueueStats{}, fmt.Errorf("read queue stats: %w", err)
		}
		switch state {
		case Pending:
			st.Pending = n
		case Sending:
			st.Sending = n
		case Exporting:
			st.Exporting = n
		case Delivered:
			st.Delivered = n
			st.LastDelivery = fromMilli(last)
		case Exported:
			st.Exported = n
		}
	}
	if err := rows.Err(); err != nil {
		return QueueStats{}, fmt.Errorf("read queue stats: %w", err)
	}
	return st, nil
}

// Balikan returns the record with the given key, receipt or not.
func (s *Store) Balikan(ctx context.Context, key string) (QueuedBalikan, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+balikanColumns+` FROM balikan WHERE key = ?`, key)
	if err != nil {
		return QueuedBalikan{}, fmt.Errorf("read balikan %s: %w", key, err)
	}
	records, err := scanBalikan(rows)
	if err != nil {
		return QueuedBalikan{}, fmt.Errorf("read balikan %s: %w", key, err)
	}
	if len(records) == 0 {
		return QueuedBalikan{}, fmt.Errorf("read balikan %s: %w", key, sql.ErrNoRows)
	}
	return records[0], nil
}

// Records returns the records in the given states, ordered by ID, or every
// record when no state is given.
func (s *Store) Records(ctx context.Context, states ...State) ([]QueuedBalikan, error) {
	query := `SELECT ` + balikanColumns + ` FROM balikan`
	var args []any
	if len(states) > 0 {
		query += ` WHERE state IN (` + placeholders(len(states)) + `)`
		for _, st := range states {
			args = append(args, st)
		}
	}
	rows, err := s.db.QueryContext(ctx, query+` ORDER BY id`, args...)
	if err != nil {
		return nil, fmt.Errorf("list balikan records: %w", err)
	}
	records, err := scanBalikan(rows)
	if err != nil {
		return nil, fmt.Errorf("list balikan records: %w", err)
	}
	return records, nil
}

func truncate(s string, max int) string {
	if len(s) <= max {
		return s
	}
	return strings.ToValidUTF8(s[:max], "")
}
