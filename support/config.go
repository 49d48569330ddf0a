// Package support serves a read-only status view of the kiosk over SSH for
// support technicians. The view shows the kiosk's state (devices, gateway,
// queue, quota, recent log events) and never population data: it can show
// only what a Snapshot carries, and a Snapshot has no field for it.
package support

import (
	"errors"
	"fmt"
	"log/slog"
	"time"
)

// Defaults applied by New to zero Config fields.
const (
	DefaultListen      = "127.0.0.1:2222"
	DefaultIdleTimeout = 5 * time.Minute
	DefaultMaxSession  = 30 * time.Minute
	DefaultLang        = "id"
)

// Config sets up the SSH support server.
type Config struct {
	// Listen is the TCP address to listen on, DefaultListen when empty.
	Listen string

	// HostKeyPath is the server's ed25519 host key in OpenSSH PEM format.
	// New creates it with mode 0600 when it does not exist and rejects an
	// existing file that group or others can access.
	HostKeyPath string

	// AuthorizedKeysPath lists the technicians' public keys in OpenSSH
	// authorized_keys format. It is reread on every login, so an edit takes
	// effect without a restart.
	AuthorizedKeysPath string

	// IdleTimeout ends a session when no key was pressed for this long.
	IdleTimeout time.Duration

	// MaxSession ends a session this long after it started, keys or not.
	MaxSession time.Duration

	// Lang is the view's language: "id" (Indonesian, the default) or "en".
	Lang string

	// Logger receives connection and session events, slog.Default() when nil.
	Logger *slog.Logger
}

// withDefaults returns a copy of cfg with defaults filled in, or an error
// that names the invalid field and how to fix it.
func (cfg Config) withDefaults() (Config, error) {
	if cfg.Listen == "" {
		cfg.Listen = DefaultListen
	}
	if cfg.IdleTimeout == 0 {
		cfg.IdleTimeout = DefaultIdleTimeout
	}
	if cfg.MaxSession == 0 {
		cfg.MaxSession = DefaultMaxSession
	}
	if cfg.Lang == "" {
		cfg.Lang = DefaultLang
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}

	if cfg.HostKeyPath == "" {
		return cfg, errors.New("support: HostKeyPath is missing; set it to a file path such as /var/lib/kiosk/ssh_host_ed25519_key")
	}
	if cfg.AuthorizedKeysPath == "" {
		return cfg, errors.New("support: AuthorizedKeysPath is missing; set it to an authorized_keys file with the technicians' public keys")
	}
	if cfg.IdleTimeout < 0 {
		return cfg, fmt.Errorf("support: IdleTimeout %v is negative; use a positive duration such as 5m", cfg.IdleTimeout)
	}
	if cfg.MaxSession < 0 {
		return cfg, fmt.Errorf("support: MaxSession %v is negative; use a positive duration such as 30m", cfg.MaxSession)
	}
	if _, ok := catalogs[cfg.Lang]; !ok {
		return cfg, fmt.Errorf("support: Lang %q is not supported; use \"id\" or \"en\"", cfg.Lang)
	}
	return cfg, nil
}
