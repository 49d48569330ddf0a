package main

import (
	"context"
	"log/slog"
	"path/filepath"
	"time"

	"github.com/disdikbud/kiosk/config"
	"github.com/disdikbud/kiosk/support"
	"github.com/disdikbud/kiosk/tui"
)

// version is the kiosk's version, set at build time with
// -ldflags "-X main.version=...".
var version = "dev"

var startedAt = time.Now()

// startSupport starts the SSH support server when [ssh] listen is set and
// returns a function that stops it. A server that cannot start is logged
// and left off: the kiosk itself keeps running.
func startSupport(cfg config.SSH, dataDir, lang string, model *tui.Model, backend tui.Backend, events *eventRing) func() {
	if cfg.Listen == "" {
		return func() {}
	}
	if cfg.HostKey == "" {
		cfg.HostKey = filepath.Join(dataDir, "ssh_host_ed25519")
	}
	snap := func() support.Snapshot {
		st := model.Status()
		q := backend.Quota()
		return support.Snapshot{
			Version:          version,
			StartedAt:        startedAt,
			OperatorSignedIn: st.OperatorID != "",
			OperatorID:       st.OperatorID,
			ReaderState:      st.Reader,
			GatewayState:     st.Gateway,
			DatabaseState:    st.Store,
			Queue: support.QueueState{
				Pending: st.Queue.Pending, Sending: st.Queue.Sending,
				Delivered: st.Queue.Delivered, Exported: st.Queue.Exported,
				LastDelivery: st.Queue.LastDelivery,
			},
			Quota:  support.QuotaState{Used: q.Used, Limit: q.Limit, GatewayRemaining: q.GatewayRemaining},
			Screen: st.Screen,
			Events: events.Events(),
		}
	}
	srv, err := support.New(support.Config{
		Listen:             cfg.Listen,
		HostKeyPath:        cfg.HostKey,
		AuthorizedKeysPath: cfg.AuthorizedKeys,
		IdleTimeout:        10 * time.Minute,
		MaxSession:         2 * time.Hour,
		Lang:               lang,
	}, snap)
	if err != nil {
		slog.Error("SSH support server not started", "listen", cfg.Listen, "err", err)
		return func() {}
	}
	go func() {
		if err := srv.ListenAndServe(); err != nil {
			slog.Error("SSH support server stopped", "listen", cfg.Listen, "err", err)
		}
	}()
	slog.Info("SSH support server started", "listen", cfg.Listen, "host_key", srv.HostKeyFingerprint())
	return func() {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
	}
}
