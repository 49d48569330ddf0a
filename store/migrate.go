package store

import (
	"context"
	"database/sql"
	"fmt"
)

// migrations are the schema steps in order. Step i brings the database from
// PRAGMA user_version i to i+1 in one transaction. Append new steps; never
// edit a step that has shipped.
var migrations = []string{
	// 1: the first schema.
	`
CREATE TABLE operators (
	id              TEXT PRIMARY KEY,
	name            TEXT NOT NULL,
	supervisor      INTEGER NOT NULL DEFAULT 0,
	nda_date        TEXT,              -- YYYY-MM-DD, NULL when no NDA is recorded
	pin_hash        BLOB NOT NULL,     -- bcrypt
	failed_attempts INTEGER NOT NULL DEFAULT 0,
	locked_until    INTEGER            -- unix milliseconds
) STRICT;

CREATE TABLE hits (
	day      TEXT NOT NULL,            -- YYYY-MM-DD, kiosk local time
	operator TEXT NOT NULL,
	count    INTEGER NOT NULL,
	PRIMARY KEY (day, operator)
) STRICT;

CREATE TABLE outcomes (
	day      TEXT NOT NULL,
	operator TEXT NOT NULL,
	outcome  TEXT NOT NULL,
	count    INTEGER NOT NULL,
	PRIMARY KEY (day, operator, outcome)
) STRICT;

-- The NIK and the eight values are NULL once a record is delivered or
-- exported; the CHECK makes a receipt that still holds them impossible.
CREATE TABLE balikan (
	id             INTEGER PRIMARY KEY,
	key            TEXT NOT NULL UNIQUE,
	nik            TEXT,
	ijazah         TEXT,
	skpi           TEXT,
	nuptk          TEXT,
	nitk           TEXT,
	beasiswa       TEXT,
	nama_sekolah   TEXT,
	akreditasi     TEXT,
	alamat_sekolah TEXT,
	operator       TEXT NOT NULL,
	created_at     INTEGER NOT NULL,
	state          TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'exporting', 'delivered', 'exported')),
	attempts       INTEGER NOT NULL DEFAULT 0,
	next_attempt   INTEGER NOT NULL,
	last_error     TEXT NOT NULL DEFAULT '',
	delivered_at   INTEGER,
	exported_at    INTEGER,
	export_file    TEXT,
	CHECK (state IN ('pending', 'sending', 'exporting') OR (
		nik IS NULL AND ijazah IS NULL AND skpi IS NULL AND nuptk IS NULL AND nitk IS NULL
		AND beasiswa IS NULL AND nama_sekolah IS NULL AND akreditasi IS NULL AND alamat_sekolah IS NULL))
) STRICT;
CREATE INDEX balikan_due ON balikan (state, next_attempt, id);

CREATE TABLE audit (
	id       INTEGER PRIMARY KEY,
	at       INTEGER NOT NULL,
	operator TEXT NOT NULL,
	event    TEXT NOT NULL,
	detail   TEXT NOT NULL
) STRICT;
CREATE INDEX audit_at ON audit (at);

CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) STRICT;
`,
}

// migrate applies the steps the database has not seen yet. A database newer
// than this program is rejected, because an older kiosk could break it.
func (s *Store) migrate(ctx context.Context) error {
	version, err := s.userVersion(ctx)
	if err != nil {
		return fmt.Errorf("open store %s: read schema version: %w", s.path, err)
	}
	if version > len(migrations) {
		return fmt.Errorf("open store %s: schema version %d is newer than this kiosk's %d; install the newer kiosk", s.path, version, len(migrations))
	}

	for step := version; step < len(migrations); step++ {
		err := s.inTx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, migrations[step]); err != nil {
				return err
			}
			// PRAGMA takes no bound parameters; step is an int we control.
			_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", step+1))
			return err
		})
		if err != nil {
			return fmt.Errorf("open store %s: migrate schema to version %d: %w", s.path, step+1, err)
		}
	}
	return nil
}

func (s *Store) userVersion(ctx context.Context) (int, error) {
	var version int
	err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version)
	return version, err
}
