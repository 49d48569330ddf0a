// Package config reads the kiosk's one configuration file (TOML), fills in
// defaults and validates it, with errors that name the key and the fix.
// The file holds the office's gateway credentials, so it must be readable
// by its owner only (mode 0600).
package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// Config is the whole configuration file.
type Config struct {
	Lang    string `toml:"lang"`     // "id" (default) or "en"
	DataDir string `toml:"data_dir"` // database, logs and SSH host key

	Gateway   Gateway   `toml:"gateway"`
	Quota     Quota     `toml:"quota"`
	Agreement Agreement `toml:"agreement"`
	Session   Session   `toml:"session"`
	Reader    Reader    `toml:"reader"`
	Balikan   Balikan   `toml:"balikan"`
	Verify    Verify    `toml:"verification"`
	SSH       SSH       `toml:"ssh"`
}

// Gateway is the [gateway] section: the Dukcapil gateway and the balikan
// store endpoint.
type Gateway struct {
	BaseURL           string        `toml:"base_url"`
	CustomerID        string        `toml:"customer_id"`
	UserID            string        `toml:"user_id"`
	Password          string        `toml:"password"`
	IPUser            string        `toml:"ip_user"`
	StoreURL          string        `toml:"store_url"`
	StoreToken        string        `toml:"store_token"`
	LembagaID         string        `toml:"lembaga_id"`
	LembagaName       string        `toml:"lembaga_name"`
	CAFile            string        `toml:"ca_file"`
	AllowSelfSignedIP bool          `toml:"allow_self_signed_ip"`
	ConnectTimeout    time.Duration `toml:"connect_timeout"`
	CallTimeout       time.Duration `toml:"call_timeout"`
	Threshold         int           `toml:"threshold"`
}

// Quota is the [quota] section.
type Quota struct {
	DailyLimit int `toml:"daily_limit"` // NIK hits a day for this kiosk; default 1000
}

// Agreement is the [agreement] section: the validity period of the
// data-sharing agreement, outside which lookups are refused. It has no
// default, because the period comes from the signed document.
type Agreement struct {
	ValidFrom  time.Time `toml:"valid_from"`
	ValidUntil time.Time `toml:"valid_until"` // the last valid day, inclusive
}

// Session is the [session] section.
type Session struct {
	IdleTimeout    time.Duration `toml:"idle_timeout"`    // default 3m
	IdleWarning    time.Duration `toml:"idle_warning"`    // countdown shown this long before; default 30s
	FingerAttempts int           `toml:"finger_attempts"` // default 4
}

// Reader is the [reader] section.
type Reader struct {
	Kind               string        `toml:"kind"`        // "pcsc" or "sim"
	CardReader         string        `toml:"card_reader"` // PC/SC reader name pattern of the contactless slot
	SAMReader          string        `toml:"sam_reader"`  // PC/SC reader name pattern of the SAM slot
	SAMSecretFile      string        `toml:"sam_secret_file"`
	FingerprintHelper  string        `toml:"fingerprint_helper"` // program that captures and matches 1:1
	FingerprintTimeout time.Duration `toml:"fingerprint_timeout"`
}

// Balikan is the [balikan] section.
type Balikan struct {
	// ParamKeys replaces the key a field is sent under, by its default key
	// (NO_IJAZAH = "IJAZAH_NO", ...).
	ParamKeys map[string]string `toml:"param_keys"`
	BatchSize int               `toml:"batch_size"`
}

// Verify is the [verification] section.
type Verify struct {
	// AdmissionYear is the PPDB year whose 1 July the age rule counts
	// from; 0 means the current year.
	AdmissionYear int `toml:"admission_year"`
}

// SSH is the [ssh] section of the support server.
type SSH struct {
	Listen         string `toml:"listen"` // default 127.0.0.1:2222; empty string in the file disables it
	AuthorizedKeys string `toml:"authorized_keys"`
	HostKey        string `toml:"host_key"`
}

// Default returns the configuration used where the file is silent.
func Default() Config {
	return Config{
		Lang:    "id",
		DataDir: DefaultDataDir(),
		Quota:   Quota{DailyLimit: 1000},
		Session: Session{IdleTimeout: 3 * time.Minute, IdleWarning: 30 * time.Second, FingerAttempts: 4},
		Reader:  Reader{Kind: "pcsc", FingerprintTimeout: 20 * time.Second},
		Balikan: Balikan{BatchSize: 50},
		SSH:     SSH{Listen: "127.0.0.1:2222"},
	}
}

// DefaultDataDir is $XDG_DATA_HOME/kiosk, or ~/.local/share/kiosk.
func DefaultDataDir() string {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "kiosk")
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return filepath.Join(os.TempDir(), "kiosk")
	}
	return filepath.Join(home, ".local", "share", "kiosk")
}

// DefaultPath is $XDG_CONFIG_HOME/kiosk/kiosk.toml, or
// ~/.config/kiosk/kiosk.toml.
func DefaultPath() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "kiosk.toml"
	}
	return filepath.Join(dir, "kiosk", "kiosk.toml")
}

// ErrNotFound is returned by Load when the file does not exist; the kiosk
// then runs the demo.
var ErrNotFound = errors.New("config file not found")

// Load reads and validates the file at path.
func Load(path string) (Config, error) {
	info, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return Config{}, fmt.Errorf("%s: %w", path, ErrNotFound)
	}
	if err != nil {
		return Config{}, fmt.Errorf("read config %s: %w", path, err)
	}
	if perm := info.Mode().Perm(); perm&0o077 != 0 {
		return Config{}, fmt.Errorf("config %s has mode %04o but contains the gateway password: run \"chmod 600 %s\"", path, perm, path)
	}

	cfg := Default()
	meta, err := toml.DecodeFile(path, &cfg)
	if err != nil {
		return Config{}, fmt.Errorf("config %s: %w", path, err)
	}
	if undecoded := meta.Undecoded(); len(undecoded) > 0 {
		keys := make([]string, len(undecoded))
		for i, k := range undecoded {
			keys[i] = k.String()
		}
		return Config{}, fmt.Errorf("config %s: unknown key %s: check the spelling against docs/kiosk.example.toml", path, strings.Join(keys, ", "))
	}
	cfg.Agreement.ValidFrom = localDay(cfg.Agreement.ValidFrom)
	cfg.Agreement.ValidUntil = localDay(cfg.Agreement.ValidUntil)
	if err := cfg.Validate(); err != nil {
		return Config{}, fmt.Errorf("config %s: %w", path, err)
	}
	return cfg, nil
}

// localDay moves a TOML local date, which the decoder places at midnight
// UTC, to midnight in the kiosk's own time zone.
func localDay(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.Local)
}

// Validate checks the values that have no safe fallback.
func (c Config) Validate() error {
	var errs []error
	bad := func(key, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: "+format, append([]any{key}, args...)...))
	}
	if l := strings.ToLower(c.Lang); l != "id" && l != "en" {
		bad("lang", "%q is not a language: use \"id\" or \"en\"", c.Lang)
	}
	if c.Quota.DailyLimit <= 0 {
		bad("quota.daily_limit", "must be a positive number of hits, got %d", c.Quota.DailyLimit)
	}
	if c.Agreement.ValidFrom.IsZero() || c.Agreement.ValidUntil.IsZero() {
		bad("agreement", "valid_from and valid_until are required: write the period of the signed data-sharing agreement or its extension, e.g. valid_from = 2022-09-16")
	} else if c.Agreement.ValidUntil.Before(c.Agreement.ValidFrom) {
		bad("agreement.valid_until", "is before agreement.valid_from")
	}
	if c.Session.IdleTimeout < 30*time.Second {
		bad("session.idle_timeout", "must be at least 30s, got %s", c.Session.IdleTimeout)
	}
	if c.Session.FingerAttempts < 1 || c.Session.FingerAttempts > 10 {
		bad("session.finger_attempts", "must be 1-10, got %d", c.Session.FingerAttempts)
	}
	if c.Reader.Kind != "pcsc" && c.Reader.Kind != "sim" {
		bad("reader.kind", "%q is not a reader kind: use \"pcsc\" or \"sim\"", c.Reader.Kind)
	}
	if c.Reader.Kind == "pcsc" && (c.Reader.CardReader == "" || c.Reader.SAMReader == "") {
		bad("reader", "card_reader and sam_reader are required: write a part of each reader's PC/SC name (\"pcsc_scan\" from Debian's pcsc-tools lists them)")
	}
	if y := c.Verify.AdmissionYear; y != 0 && (y < 2000 || y > 2100) {
		bad("verification.admission_year", "must be a year such as 2026, or 0 for the current year, got %d", y)
	}
	if c.Balikan.BatchSize < 1 || c.Balikan.BatchSize > 1000 {
		bad("balikan.batch_size", "must be 1-1000, got %d", c.Balikan.BatchSize)
	}
	return errors.Join(errs...)
}

// AgreementEnd returns the first instant after the agreement's last valid
// day.
func (c Config) AgreementEnd() time.Time {
	return c.Agreement.ValidUntil.AddDate(0, 0, 1)
}
