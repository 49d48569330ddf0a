package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func writeConfig(t *testing.T, body string, mode os.FileMode) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "kiosk.toml")
	if err := os.WriteFile(path, []byte(body), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadExample(t *testing.T) {
	body, err := os.ReadFile("../docs/kiosk.example.toml")
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := Load(writeConfig(t, string(body), 0o600))
	if err != nil {
		t.Fatalf("example config: %v", err)
	}
	if cfg.Gateway.BaseURL == "" || cfg.Quota.DailyLimit != 1000 || cfg.Session.IdleTimeout != 3*time.Minute {
		t.Errorf("example config decoded as %+v", cfg)
	}
	until := cfg.Agreement.ValidUntil
	if until.Location() != time.Local || until.Day() != 15 || until.Month() != time.September {
		t.Errorf("valid_until = %v, want 15 September at local midnight", until)
	}
}

func TestLoadRejectsReadableFile(t *testing.T) {
	path := writeConfig(t, "lang = \"id\"\n", 0o644)
	_, err := Load(path)
	if err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Fatalf("Load of a 0644 file = %v, want an error telling to chmod 600", err)
	}
}

func TestLoadNamesUnknownKey(t *testing.T) {
	path := writeConfig(t, "[gateway]\nbase_ulr = \"https://10.0.0.1\"\n", 0o600)
	_, err := Load(path)
	if err == nil || !strings.Contains(err.Error(), "gateway.base_ulr") {
		t.Fatalf("Load with a misspelt key = %v, want it named", err)
	}
}

func TestLoadNamesInvalidValues(t *testing.T) {
	cases := map[string]string{
		"lang = \"fr\"\n":                    "lang",
		"[quota]\ndaily_limit = 0\n":         "quota.daily_limit",
		"[session]\nidle_timeout = \"5s\"\n": "session.idle_timeout",
		"[reader]\nkind = \"usb\"\n":         "reader.kind",
		"[agreement]\nvalid_from = 2025-01-01\nvalid_until = 2024-01-01\n": "agreement.valid_until",
		"[quota]\ndaily_limit = 10\n":                                      "agreement: valid_from and valid_until are required",
		"[reader]\nkind = \"pcsc\"\ncard_reader = \"ACS\"\n":               "sam_reader are required",
	}
	for body, key := range cases {
		_, err := Load(writeConfig(t, body, 0o600))
		if err == nil || !strings.Contains(err.Error(), key) {
			t.Errorf("Load(%q) = %v, want an error naming %s", body, err, key)
		}
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "none.toml"))
	if err == nil || !strings.Contains(err.Error(), "not found") {
		t.Fatalf("Load of a missing file = %v, want ErrNotFound", err)
	}
}
