package store

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"
)

// openTemp opens a store in a fresh directory below t.TempDir and closes it
// when the test ends.
func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "data", "kiosk.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestOpenCreatesPrivateFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "var", "kiosk")
	path := filepath.Join(dir, "kiosk.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer s.Close()

	dirInfo, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := dirInfo.Mode().Perm(); got != 0o700 {
		t.Errorf("directory mode = %o, want 700", got)
	}
	fileInfo, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := fileInfo.Mode().Perm(); got != 0o600 {
		t.Errorf("database file mode = %o, want 600", got)
	}
}

func TestOpenAppliesPragmas(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()

	checks := []struct {
		pragma string
		want   string
	}{
		{"journal_mode", "wal"},
		{"synchronous", "2"},
		{"foreign_keys", "1"},
		{"secure_delete", "1"},
		{"busy_timeout", "10000"},
	}
	for _, c := range checks {
		var got string
		if err := s.db.QueryRowContext(ctx, "PRAGMA "+c.pragma).Scan(&got); err != nil {
			t.Fatalf("PRAGMA %s: %v", c.pragma, err)
		}
		if got != c.want {
			t.Errorf("PRAGMA %s = %s, want %s", c.pragma, got, c.want)
		}
	}
}

func TestMigrateFromEmptyAndReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "kiosk.db")

	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("first Open: %v", err)
	}
	version, err := s.userVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if version != len(migrations) {
		t.Errorf("user_version after first Open = %d, want %d", version, len(migrations))
	}
	if err := s.SetSetting(ctx, "site", "SMPN 1 Contoh"); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}

	s, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("second Open: %v", err)
	}
	defer s.Close()
	version, err = s.userVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if version != len(migrations) {
		t.Errorf("user_version after reopen = %d, want %d", version, len(migrations))
	}
	value, ok, err := s.Setting(ctx, "site")
	if err != nil || !ok || value != "SMPN 1 Contoh" {
		t.Errorf("Setting(site) after reopen = %q, %v, %v; want the stored value", value, ok, err)
	}
}

func TestOpenRejectsNewerSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "kiosk.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, "PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	s.Close()

	if s, err := Open(ctx, path); err == nil {
		s.Close()
		t.Fatal("Open of a database with a newer schema succeeded, want an error")
	}
}

func TestOpenKeepsModeOfExistingFile(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "kiosk.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}

	s, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := info.Mode().Perm(); got != 0o640 {
		t.Errorf("mode after reopen = %o, want the 640 it had", got)
	}
}

func TestSettings(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()

	if _, ok, err := s.Setting(ctx, "missing"); err != nil || ok {
		t.Errorf("Setting(missing) = %v, %v; want not found and no error", ok, err)
	}
	if err := s.SetSetting(ctx, "quota", "1000"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSetting(ctx, "quota", "500"); err != nil {
		t.Fatal(err)
	}
	value, ok, err := s.Setting(ctx, "quota")
	if err != nil || !ok {
		t.Fatalf("Setting(quota) = %v, %v", ok, err)
	}
	if value != "500" {
		t.Errorf("Setting(quota) = %q, want the replaced value 500", value)
	}
	if err := s.SetSetting(ctx, "", "x"); err == nil {
		t.Error("SetSetting with an empty key succeeded, want an error")
	}
}

// countRows returns the number of rows query selects.
func countRows(t *testing.T, db *sql.DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := db.QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}
