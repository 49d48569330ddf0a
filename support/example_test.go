package support_test

import (
	"context"
	"log/slog"
	"time"

	"github.com/disdikbud/kiosk/support"
)

// The kiosk builds a Snapshot from its own state; nothing from a registration
// goes into it.
func ExampleNew() {
	started := time.Now()
	snapshot := func() support.Snapshot {
		return support.Snapshot{
			Version:      "1.0.0",
			StartedAt:    started,
			ReaderState:  "siap",
			GatewayState: "terhubung",
			Quota:        support.QuotaState{Used: 12, Limit: 1000, GatewayRemaining: -1},
		}
	}

	srv, err := support.New(support.Config{
		HostKeyPath:        "/var/lib/kiosk/ssh_host_ed25519_key",
		AuthorizedKeysPath: "/etc/kiosk/support_authorized_keys",
	}, snapshot)
	if err != nil {
		slog.Error("support view disabled", "error", err)
		return
	}
	go func() {
		if err := srv.ListenAndServe(); err != nil {
			slog.Error("support view stopped", "error", err)
		}
	}()

	// On exit:
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = srv.Shutdown(ctx)
}
