// Package store keeps the kiosk's durable state in one SQLite file: operator
// accounts with PIN hashes, hit and outcome counters per day and operator,
// the balikan delivery queue, the audit trail and settings. Nothing else is
// written here. The one piece of population data it holds is the NIK of a
// queued balikan record, and only until that record is delivered or
// exported: both transitions erase it and leave a receipt.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// busyTimeout is how long a statement waits for another process (a second
// kiosk command on the same file) to release its lock before failing.
const busyTimeout = 10 * time.Second

// Store is an open kiosk database. Its methods are safe for concurrent use:
// every statement goes through one connection, so writes never race each
// other inside the process, and BEGIN IMMEDIATE orders writers across
// processes.
type Store struct {
	db   *sql.DB
	path string

	// now returns the current time; tests replace it to step over the
	// operator lockout.
	now func() time.Time
}

// Open opens the database at path, creating the parent directory (mode 0700)
// and the file (mode 0600) when they are missing, and migrates the schema to
// the current version.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("open store: empty database path; set the kiosk's data directory")
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("open store: create directory %s: %w", filepath.Dir(path), err)
	}
	if err := createPrivateFile(path); err != nil {
		return nil, err
	}

	db, err := sql.Open("sqlite", dataSourceName(path))
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	// One connection: SQLite allows one writer at a time anyway, and a single
	// connection makes the queue's read-then-update steps and the quota check
	// atomic within the process without retry loops.
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)

	s := &Store{db: db, path: path, now: time.Now}
	if err := s.checkSettings(ctx); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// Close checkpoints the write-ahead log into the database file and closes
// the connection.
func (s *Store) Close() error {
	// A failed checkpoint leaves the data safe in the -wal file, so it does
	// not stop the close.
	_ = s.Checkpoint(context.Background())
	return s.db.Close()
}

// Path returns the database file's path.
func (s *Store) Path() string { return s.path }

// Checkpoint copies the write-ahead log into the database file and truncates
// the log to zero bytes, so page images that held an erased NIK no longer
// exist in the -wal file. MarkDelivered and MarkExported call it.
func (s *Store) Checkpoint(ctx context.Context) error {
	var busy, logFrames, checkpointed int
	err := s.db.QueryRowContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &logFrames, &checkpointed)
	if err != nil {
		return fmt.Errorf("checkpoint %s: %w", s.path, err)
	}
	if busy != 0 {
		return fmt.Errorf("checkpoint %s: another process is reading the database; close it and try again", s.path)
	}
	return nil
}

// checkpointAfterErase runs Checkpoint after records were erased, even when
// ctx has ended. A failed checkpoint does not undo the erasure, so it is
// logged rather than returned: the next erasure or Close checkpoints again.
func (s *Store) checkpointAfterErase(ctx context.Context) {
	if err := s.Checkpoint(context.WithoutCancel(ctx)); err != nil {
		slog.Warn("erased balikan values may stay in the write-ahead log until the next checkpoint", "error", err)
	}
}

// dataSourceName builds the modernc.org/sqlite DSN. Every pragma is applied
// to each new connection: WAL with synchronous=FULL makes a commit durable
// when it returns, and secure_delete overwrites erased values with zeros
// instead of leaving them in free space.
func dataSourceName(path string) string {
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busyTimeout.Milliseconds()))
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(FULL)")
	q.Add("_pragma", "foreign_keys(ON)")
	q.Add("_pragma", "secure_delete(ON)")
	q.Set("_txlock", "immediate")
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// createPrivateFile creates path with mode 0600 if it does not exist, so
// SQLite never creates it with the process umask. An existing file keeps
// its mode.
func createPrivateFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("open store: create %s: %w", path, err)
	}
	return f.Close()
}

// checkSettings confirms that the pragmas the queue's durability rests on
// took effect; a file system without shared memory support, for one, cannot
// run WAL mode.
func (s *Store) checkSettings(ctx context.Context) error {
	var mode string
	if err := s.db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		return fmt.Errorf("open store %s: %w", s.path, err)
	}
	if mode != "wal" {
		return fmt.Errorf("open store %s: journal mode is %q, expected wal; keep the data directory on a local disk", s.path, mode)
	}

	var sync int
	if err := s.db.QueryRowContext(ctx, "PRAGMA synchronous").Scan(&sync); err != nil {
		return fmt.Errorf("open store %s: %w", s.path, err)
	}
	if sync != 2 {
		return fmt.Errorf("open store %s: synchronous is %d, expected 2 (FULL)", s.path, sync)
	}
	return nil
}

// inTx runs fn in one transaction. The DSN's _txlock=immediate makes BEGIN
// take the write lock, so a transaction that reads and then writes cannot
// fail halfway with SQLITE_BUSY.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// unixMilli stores t as milliseconds since 1970, and the zero time as NULL.
func unixMilli(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UnixMilli()
}

// fromMilli reverses unixMilli, returning times in the local time zone.
func fromMilli(v sql.NullInt64) time.Time {
	if !v.Valid {
		return time.Time{}
	}
	return time.UnixMilli(v.Int64)
}

// dayKey returns the calendar day of t in the kiosk's local time zone as
// YYYY-MM-DD, the form counters are stored under.
func dayKey(t time.Time) string {
	return t.In(time.Local).Format(time.DateOnly)
}
