package support

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	"github.com/charmbracelet/wish/bubbletea"
	"github.com/charmbracelet/wish/recover"
	"github.com/muesli/termenv"
	gossh "golang.org/x/crypto/ssh"
)

// connectionBackstop is added to the session limits for the SSH library's own
// connection deadlines. The view ends each session itself with a message, so
// these deadlines only close connections that open no view, or that open
// session after session to outlast MaxSession.
const connectionBackstop = time.Minute

// Server is the SSH support server. Create it with New.
type Server struct {
	cfg      Config
	snapshot SnapshotFunc
	ssh      *ssh.Server
	hostKey  gossh.PublicKey
	logger   *slog.Logger

	mu       sync.Mutex
	listener net.Listener
	closed   bool
}

type sessionEndKey struct{}

// New checks cfg, loads or creates the host key and builds the server. It
// does not listen until ListenAndServe is called.
func New(cfg Config, snap SnapshotFunc) (*Server, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	if snap == nil {
		return nil, errors.New("support: SnapshotFunc is nil; pass a function that returns the kiosk's state")
	}
	logger := cfg.Logger

	keys, err := authorizedKeys(cfg.AuthorizedKeysPath, logger)
	if err != nil {
		return nil, fmt.Errorf("%w; create the file with one technician public key a line", err)
	}
	if len(keys) == 0 {
		logger.Warn("support: authorized keys file contains no keys, so no technician can log in", "path", cfg.AuthorizedKeysPath)
	}

	signer, created, err := loadOrCreateHostKey(cfg.HostKeyPath)
	if err != nil {
		return nil, err
	}
	if created {
		logger.Info("support: created host key", "path", cfg.HostKeyPath,
			"fingerprint", gossh.FingerprintSHA256(signer.PublicKey()))
	}

	s := &Server{cfg: cfg, snapshot: snap, hostKey: signer.PublicKey(), logger: logger}
	s.ssh, err = wish.NewServer(
		wish.WithAddress(cfg.Listen),
		wish.WithPublicKeyAuth(s.authenticate),
		wish.WithIdleTimeout(cfg.IdleTimeout+connectionBackstop),
		wish.WithMaxTimeout(cfg.MaxSession+connectionBackstop),
		func(srv *ssh.Server) error {
			srv.AddHostKey(signer)
			srv.SessionRequestCallback = s.allowRequest
			srv.ConnectionFailedCallback = s.logFailedConnection
			return nil
		},
		// Listed innermost first: the recover middleware wraps all others,
		// then session logging, then the guard, then the view.
		wish.WithMiddleware(recover.MiddlewareWithLogger(panicLogger{logger},
			s.reportEnd,
			bubbletea.MiddlewareWithProgramHandler(s.newProgram, termenv.Ascii),
			s.guard,
			s.logSession,
		)),
	)
	if err != nil {
		return nil, fmt.Errorf("support: build SSH server: %w", err)
	}
	return s, nil
}

// ListenAndServe listens on Config.Listen and serves until Shutdown, after
// which it returns nil.
func (s *Server) ListenAndServe() error {
	ln, err := net.Listen("tcp", s.cfg.Listen)
	if err != nil {
		return fmt.Errorf("support: listen on %s: %w; set Listen to a free address", s.cfg.Listen, err)
	}

	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		_ = ln.Close()
		return nil
	}
	s.listener = ln
	s.mu.Unlock()

	s.logger.Info("support: listening", "address", ln.Addr().String(), "host_key", s.HostKeyFingerprint())
	err = s.ssh.Serve(ln)
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// Shutdown stops accepting connections and waits for open sessions to end.
// When ctx is done first, it closes the remaining connections, which ends
// their views, and returns ctx's error.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()

	err := s.ssh.Shutdown(ctx)
	if ctx.Err() != nil {
		_ = s.ssh.Close()
	}
	s.logger.Info("support: stopped")
	return err
}

// Addr returns the address the server listens on, or nil before
// ListenAndServe has opened it. With Listen "127.0.0.1:0" it contains the port
// the system chose.
func (s *Server) Addr() net.Addr {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.listener == nil {
		return nil
	}
	return s.listener.Addr()
}

// HostKeyFingerprint returns the host key's SHA256 fingerprint in OpenSSH
// form, for technicians to compare on their first connection.
func (s *Server) HostKeyFingerprint() string {
	return gossh.FingerprintSHA256(s.hostKey)
}

// authenticate accepts only keys listed in the authorized_keys file. No
// password or keyboard-interactive handler is set, so the SSH library offers
// public-key authentication only.
func (s *Server) authenticate(ctx ssh.Context, key ssh.PublicKey) bool {
	if isAuthorized(s.cfg.AuthorizedKeysPath, key, s.logger) {
		return true
	}
	s.logger.Warn("support: rejected public key", "user", ctx.User(),
		"remote", ctx.RemoteAddr().String(), "fingerprint", gossh.FingerprintSHA256(key))
	return false
}

// allowRequest accepts the "shell" request that starts the view and rejects
// "exec" and "subsystem" (SFTP among them) before any handler runs. Port
// forwarding needs channel and request handlers that this server never sets,
// so the SSH library rejects it.
//
// NOTE: the SSH library replies "true" to an agent forwarding request without
// a way to turn that off. The server never opens an agent channel, so the
// client's agent is not used, but the client is not told that either.
func (s *Server) allowRequest(sess ssh.Session, requestType string) bool {
	if requestType == "shell" {
		return true
	}
	s.logger.Warn("support: rejected session request", "type", requestType,
		"user", sess.User(), "remote", sess.RemoteAddr().String())
	return false
}

func (s *Server) logFailedConnection(conn net.Conn, err error) {
	s.logger.Info("support: connection failed", "remote", conn.RemoteAddr().String(), "error", err)
}

// guard checks the session again before the view starts. The key is checked
// against the file once more because the key a client offered during
// authentication is not always the one it signed with, and the file may have
// changed since. Commands and sessions without a PTY end with a message in
// both languages and exit status 1.
func (s *Server) guard(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if !isAuthorized(s.cfg.AuthorizedKeysPath, sess.PublicKey(), s.logger) {
			s.logger.Warn("support: session key not authorized", "user", sess.User(), "remote", sess.RemoteAddr().String())
			refuse(sess, func(c catalog) string { return c.keyRejected })
			return
		}
		if sess.RawCommand() != "" || sess.Subsystem() != "" {
			s.logger.Warn("support: rejected command", "user", sess.User(), "remote", sess.RemoteAddr().String())
			refuse(sess, func(c catalog) string { return c.noCommand })
			return
		}
		if _, _, ok := sess.Pty(); !ok {
			s.logger.Info("support: session without PTY", "user", sess.User(), "remote", sess.RemoteAddr().String())
			refuse(sess, func(c catalog) string { return c.noPTY })
			return
		}
		next(sess)
	}
}

func refuse(sess ssh.Session, pick func(catalog) string) {
	_, _ = fmt.Fprint(sess.Stderr(), bilingual(pick))
	_ = sess.Exit(1)
}

// newProgram builds one session's view. Its colours come from the session's
// own terminal type and environment through bubbletea.MakeRenderer.
func (s *Server) newProgram(sess ssh.Session) *tea.Program {
	end := &sessionEnd{}
	sess.Context().SetValue(sessionEndKey{}, end)

	renderer := bubbletea.MakeRenderer(sess)
	view := newModel(s.cfg, s.snapshot, newStyles(renderer), end)
	options := append(bubbletea.MakeOptions(sess),
		tea.WithAltScreen(),
		// The kiosk process handles its own signals and calls Shutdown.
		tea.WithoutSignalHandler(),
	)
	return tea.NewProgram(view, options...)
}

// reportEnd prints why the view ended after the view has left the alternate
// screen, so the message stays in the technician's terminal after the session.
func (s *Server) reportEnd(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		text := catalogs[s.cfg.Lang]
		var message string
		switch sessionEndReason(sess) {
		case endByUser:
			message = text.endedByUser
		case endIdle:
			message = fmt.Sprintf(text.endedIdle, s.cfg.IdleTimeout)
		case endMaxSession:
			message = fmt.Sprintf(text.endedMax, s.cfg.MaxSession)
		}
		if message != "" {
			_, _ = fmt.Fprint(sess, message+"\r\n")
		}
		next(sess)
	}
}

func sessionEndReason(sess ssh.Session) endReason {
	end, ok := sess.Context().Value(sessionEndKey{}).(*sessionEnd)
	if !ok {
		return endNone
	}
	return end.get()
}

// logSession logs each session's start and end with the key's fingerprint,
// never the key itself.
func (s *Server) logSession(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		started := time.Now()
		fingerprint := ""
		if key := sess.PublicKey(); key != nil {
			fingerprint = gossh.FingerprintSHA256(key)
		}
		pty, _, hasPTY := sess.Pty()
		s.logger.Info("support: session started", "user", sess.User(), "remote", sess.RemoteAddr().String(),
			"fingerprint", fingerprint, "pty", hasPTY, "term", pty.Term)

		next(sess)

		s.logger.Info("support: session ended", "user", sess.User(), "remote", sess.RemoteAddr().String(),
			"duration", time.Since(started).Round(time.Millisecond), "reason", sessionEndReason(sess).String())
	}
}

func (r endReason) String() string {
	switch r {
	case endByUser:
		return "quit"
	case endIdle:
		return "idle timeout"
	case endMaxSession:
		return "max session"
	}
	return "none"
}

// panicLogger sends the recover middleware's report to slog.
type panicLogger struct{ logger *slog.Logger }

func (p panicLogger) Printf(format string, args ...any) {
	p.logger.Error("support: session panicked", "report", fmt.Sprintf(format, args...))
}
