package support

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// testSnapshot is the state the test kiosk reports. Its values are distinctive
// so a search in the screen output cannot match by accident.
func testSnapshot() Snapshot {
	return Snapshot{
		Version:          "9.8.7-test",
		StartedAt:        time.Now().Add(-time.Hour),
		OperatorSignedIn: true,
		OperatorID:       "OP-7731",
		ReaderState:      "siap",
		GatewayState:     "terhubung",
		DatabaseState:    "ok",
		Queue:            QueueState{Pending: 4217, Sending: 1, Delivered: 88, Exported: 3},
		Quota:            QuotaState{Used: 120, Limit: 1000, GatewayRemaining: 880},
		Screen:           "verifikasi",
		Events:           []LogEvent{{Time: time.Now(), Level: slog.LevelInfo, Message: "balikan delivered"}},
	}
}

type testKiosk struct {
	dir     string
	keyPath string
	hostKey string
	signer  gossh.Signer
}

func newTestKiosk(t *testing.T) *testKiosk {
	t.Helper()
	dir := t.TempDir()
	k := &testKiosk{
		dir:     dir,
		keyPath: filepath.Join(dir, "authorized_keys"),
		hostKey: filepath.Join(dir, "host", "ssh_host_ed25519_key"),
		signer:  newSigner(t),
	}
	k.authorize(t, k.signer)
	return k
}

// authorize replaces the authorized_keys file with the given keys.
func (k *testKiosk) authorize(t *testing.T, signers ...gossh.Signer) {
	t.Helper()
	var b bytes.Buffer
	b.WriteString("# technicians\n\nnot a key line\n")
	for _, s := range signers {
		b.Write(gossh.MarshalAuthorizedKey(s.PublicKey()))
	}
	if err := os.WriteFile(k.keyPath, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

func (k *testKiosk) config() Config {
	return Config{
		Listen:             "127.0.0.1:0",
		HostKeyPath:        k.hostKey,
		AuthorizedKeysPath: k.keyPath,
		Logger:             slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
}

func newSigner(t *testing.T) gossh.Signer {
	t.Helper()
	_, private, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := gossh.NewSignerFromKey(private)
	if err != nil {
		t.Fatal(err)
	}
	return signer
}

// startServer runs a server on a loopback port and stops it when the test
// ends.
func startServer(t *testing.T, cfg Config, snap SnapshotFunc) *Server {
	t.Helper()
	srv, err := New(cfg, snap)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	served := make(chan error, 1)
	go func() { served <- srv.ListenAndServe() }()

	deadline := time.Now().Add(5 * time.Second)
	for srv.Addr() == nil {
		select {
		case err := <-served:
			t.Fatalf("ListenAndServe: %v", err)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatal("server did not start listening within 5s")
		}
		time.Sleep(10 * time.Millisecond)
	}

	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
		if err := <-served; err != nil {
			t.Errorf("ListenAndServe after Shutdown: %v", err)
		}
	})
	return srv
}

// dial connects with the given authentication methods and checks that the
// server presents its own host key.
func dial(t *testing.T, srv *Server, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	t.Helper()
	config := &gossh.ClientConfig{
		User: "teknisi",
		Auth: auth,
		HostKeyCallback: func(_ string, _ net.Addr, key gossh.PublicKey) error {
			if got := gossh.FingerprintSHA256(key); got != srv.HostKeyFingerprint() {
				return errors.New("host key " + got + " is not the server's " + srv.HostKeyFingerprint())
			}
			return nil
		},
		Timeout: 5 * time.Second,
	}
	return gossh.Dial("tcp", srv.Addr().String(), config)
}

// terminal is the test's side of an interactive session. It collects output
// and sends keys, including the reply a real terminal sends to a query.
type terminal struct {
	t       *testing.T
	session *gossh.Session
	stdin   io.WriteCloser

	mu  sync.Mutex
	out bytes.Buffer
}

func (tm *terminal) Write(p []byte) (int, error) {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.out.Write(p)
}

func (tm *terminal) output() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.out.String()
}

func (tm *terminal) waitFor(want string, timeout time.Duration) {
	tm.t.Helper()
	deadline := time.Now().Add(timeout)
	for !strings.Contains(tm.output(), want) {
		if time.Now().After(deadline) {
			tm.t.Fatalf("output lacks %q after %v; output:\n%q", want, timeout, tm.output())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (tm *terminal) press(keys string) {
	tm.t.Helper()
	if _, err := io.WriteString(tm.stdin, keys); err != nil {
		tm.t.Fatalf("send keys %q: %v", keys, err)
	}
}

// wait returns the session's end error, failing the test if it does not end
// within timeout.
func (tm *terminal) wait(timeout time.Duration) error {
	tm.t.Helper()
	done := make(chan error, 1)
	go func() { done <- tm.session.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(timeout):
		tm.t.Fatalf("session still open after %v; output:\n%q", timeout, tm.output())
		return nil
	}
}

// openView starts a shell session with a PTY of the given size.
func openView(t *testing.T, client *gossh.Client, width, height int) *terminal {
	t.Helper()
	session, err := client.NewSession()
	if err != nil {
		t.Fatalf("NewSession: %v", err)
	}
	t.Cleanup(func() { _ = session.Close() })

	tm := &terminal{t: t, session: session}
	session.Stdout = tm
	session.Stderr = tm
	tm.stdin, err = session.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := session.RequestPty("xterm-256color", height, width, gossh.TerminalModes{}); err != nil {
		t.Fatalf("RequestPty: %v", err)
	}
	if err := session.Shell(); err != nil {
		t.Fatalf("Shell: %v", err)
	}

	// Before the view starts, the server queries the background colour and
	// the device attributes (DA1). Replying to DA1 as a VT220 does ends the
	// query at once instead of after its timeout.
	tm.waitFor("\x1b[c", 5*time.Second)
	tm.press("\x1b[?62;22c")
	return tm
}

func TestSessionShowsStatus(t *testing.T) {
	k := newTestKiosk(t)
	srv := startServer(t, k.config(), testSnapshot)

	client, err := dial(t, srv, gossh.PublicKeys(k.signer))
	if err != nil {
		t.Fatalf("authorized key rejected: %v", err)
	}
	defer client.Close()

	tm := openView(t, client, 80, 24)
	tm.waitFor("4217 tunggu", 5*time.Second)
	tm.waitFor("OP-7731", time.Second)
	tm.waitFor("balikan delivered", time.Second)

	tm.press("q")
	if err := tm.wait(5 * time.Second); err != nil {
		t.Errorf("session after q ended with %v, want exit status 0", err)
	}
	if !strings.Contains(tm.output(), "Sesi selesai.") {
		t.Errorf("output lacks the closing message; output:\n%q", tm.output())
	}
}

func TestSessionEnglish(t *testing.T) {
	k := newTestKiosk(t)
	cfg := k.config()
	cfg.Lang = "en"
	srv := startServer(t, cfg, testSnapshot)

	client, err := dial(t, srv, gossh.PublicKeys(k.signer))
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()

	tm := openView(t, client, 80, 24)
	tm.waitFor("4217 pending", 5*time.Second)
	tm.press("\x03") // Ctrl+C
	if err := tm.wait(5 * time.Second); err != nil {
		t.Errorf("session after Ctrl+C ended with %v, want exit status 0", err)
	}
}

func TestWindowChangeReflows(t *testing.T) {
	k := newTestKiosk(t)
	long := "gateway text long enough to be cut at forty columns END"
	snap := func() Snapshot {
		s := testSnapshot()
		s.GatewayState = long
		return s
	}
	srv := startServer(t, k.config(), snap)
	client, err := dial(t, srv, gossh.PublicKeys(k.signer))
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()

	tm := openView(t, client, 40, 12)
	tm.waitFor("4217", 5*time.Second)
	if strings.Contains(tm.output(), "END") {
		t.Fatalf("gateway text not cut at 40 columns; output:\n%q", tm.output())
	}

	if err := tm.session.WindowChange(30, 120); err != nil {
		t.Fatalf("WindowChange: %v", err)
	}
	tm.waitFor("END", 5*time.Second)
}

func TestUnknownKeyRejected(t *testing.T) {
	k := newTestKiosk(t)
	srv := startServer(t, k.config(), testSnapshot)

	client, err := dial(t, srv, gossh.PublicKeys(newSigner(t)))
	if err == nil {
		client.Close()
		t.Fatal("a key missing from authorized_keys logged in")
	}
}

func TestPasswordRejected(t *testing.T) {
	k := newTestKiosk(t)
	srv := startServer(t, k.config(), testSnapshot)

	answered := false
	client, err := dial(t, srv,
		gossh.Password("rahasia"),
		gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) {
			answered = true
			return []string{"rahasia"}, nil
		}),
	)
	if err == nil {
		client.Close()
		t.Fatal("password or keyboard-interactive authentication succeeded")
	}
	if answered {
		t.Error("server sent a keyboard-interactive challenge")
	}
}

func TestSessionWithoutPTY(t *testing.T) {
	k := newTestKiosk(t)
	srv := startServer(t, k.config(), testSnapshot)
	client, err := dial(t, srv, gossh.PublicKeys(k.signer))
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()

	session, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer session.Close()
	tm := &terminal{t: t, session: session}
	session.Stdout = tm
	session.Stderr = tm
	if err := session.Shell(); err != nil {
		t.Fatalf("Shell: %v", err)
	}

	err = tm.wait(5 * time.Second)
	var exit *gossh.ExitError
	if !errors.As(err, &exit) || exit.ExitStatus() != 1 {
		t.Errorf("session without PTY ended with %v, want exit status 1", err)
	}
	for _, want := range []string{catalogs["id"].noPTY, catalogs["en"].noPTY} {
		if !strings.Contains(tm.output(), want) {
			t.Errorf("output lacks %q; output:\n%q", want, tm.output())
		}
	}
}

func TestExecAndSubsystemRejected(t *testing.T) {
	k := newTestKiosk(t)
	srv := startServer(t, k.config(), testSnapshot)
	client, err := dial(t, srv, gossh.PublicKeys(k.signer))
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()

	session, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	out, err := session.CombinedOutput("cat /etc/passwd")
	session.Close()
	if err == nil {
		t.Errorf("exec request accepted; output:\n%q", out)
	}

	session, err = client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := session.RequestSubsystem("sftp"); err == nil {
		t.Error("sftp subsystem request accepted")
	}
	session.Close()

	if _, err := client.Dial("tcp", srv.Addr().String()); err == nil {
		t.Error("local port forwarding (direct-tcpip) accepted")
	}
	if listener, err := client.Listen("tcp", "127.0.0.1:0"); err == nil {
		listener.Close()
		t.Error("remote port forwarding (tcpip-forward) accepted")
	}
}

func TestShutdownEndsOpenSessions(t *testing.T) {
	k := newTestKiosk(t)
	srv, err := New(k.config(), testSnapshot)
	if err != nil {
		t.Fatal(err)
	}
	served := make(chan error, 1)
	go func() { served <- srv.ListenAndServe() }()
	for srv.Addr() == nil {
		time.Sleep(10 * time.Millisecond)
	}

	client, err := dial(t, srv, gossh.PublicKeys(k.signer))
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	tm := openView(t, client, 80, 24)
	tm.waitFor("4217", 5*time.Second)

	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	if err := srv.Shutdown(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Shutdown with an open view returned %v, want context.DeadlineExceeded", err)
	}
	tm.wait(5 * time.Second)

	select {
	case err := <-served:
		if err != nil {
			t.Errorf("ListenAndServe after Shutdown returned %v, want nil", err)
		}
	case <-time.After(5 * time.Second):
		t.Error("ListenAndServe still running 5s after Shutdown")
	}
}

func TestSessionKeyCheckedAgain(t *testing.T) {
	k := newTestKiosk(t)
	srv := startServer(t, k.config(), testSnapshot)
	client, err := dial(t, srv, gossh.PublicKeys(k.signer))
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()

	// The key leaves the file after authentication: the next session must
	// be refused even though the connection is already authenticated.
	k.authorize(t, newSigner(t))

	session, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer session.Close()
	tm := &terminal{t: t, session: session}
	session.Stdout = tm
	session.Stderr = tm
	if err := session.RequestPty("xterm", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := session.Shell(); err != nil {
		t.Fatal(err)
	}

	err = tm.wait(5 * time.Second)
	var exit *gossh.ExitError
	if !errors.As(err, &exit) || exit.ExitStatus() != 1 {
		t.Errorf("session with a removed key ended with %v, want exit status 1", err)
	}
	if !strings.Contains(tm.output(), catalogs["en"].keyRejected) {
		t.Errorf("output lacks the rejection message; output:\n%q", tm.output())
	}
	if strings.Contains(tm.output(), "4217") {
		t.Error("view shown to a key no longer authorized")
	}
}

func TestHostKeyCreatedAndReused(t *testing.T) {
	k := newTestKiosk(t)

	first := startServer(t, k.config(), testSnapshot)
	info, err := os.Stat(k.hostKey)
	if err != nil {
		t.Fatalf("host key not created: %v", err)
	}
	if mode := info.Mode().Perm(); mode != 0o600 {
		t.Errorf("host key mode %04o, want 0600", mode)
	}

	var seen string
	config := &gossh.ClientConfig{
		User: "teknisi",
		Auth: []gossh.AuthMethod{gossh.PublicKeys(k.signer)},
		HostKeyCallback: func(_ string, _ net.Addr, key gossh.PublicKey) error {
			seen = gossh.FingerprintSHA256(key)
			return nil
		},
	}
	client, err := gossh.Dial("tcp", first.Addr().String(), config)
	if err != nil {
		t.Fatal(err)
	}
	client.Close()
	if seen != first.HostKeyFingerprint() {
		t.Errorf("client saw host key %s, server reports %s", seen, first.HostKeyFingerprint())
	}

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := first.Shutdown(ctx); err != nil {
		t.Fatalf("Shutdown: %v", err)
	}

	second := startServer(t, k.config(), testSnapshot)
	client, err = gossh.Dial("tcp", second.Addr().String(), config)
	if err != nil {
		t.Fatal(err)
	}
	client.Close()
	if seen != first.HostKeyFingerprint() {
		t.Errorf("host key changed on restart: %s, then %s", first.HostKeyFingerprint(), seen)
	}
}

func TestHostKeyReadableByOthersRejected(t *testing.T) {
	k := newTestKiosk(t)
	if _, err := New(k.config(), testSnapshot); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(k.hostKey, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := New(k.config(), testSnapshot); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Errorf("New with a 0644 host key returned %v, want an error naming chmod 600", err)
	}
}

func TestIdleTimeoutEndsSession(t *testing.T) {
	k := newTestKiosk(t)
	cfg := k.config()
	cfg.IdleTimeout = 1500 * time.Millisecond
	srv := startServer(t, cfg, testSnapshot)
	client, err := dial(t, srv, gossh.PublicKeys(k.signer))
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()

	tm := openView(t, client, 80, 24)
	tm.waitFor("4217", 5*time.Second)
	started := time.Now()

	// A key press one second in postpones the end. The view refreshes every
	// second, so the output alone must not keep the session alive.
	time.Sleep(time.Second)
	tm.press("r")

	if err := tm.wait(10 * time.Second); err != nil {
		t.Errorf("idle session ended with %v, want exit status 0", err)
	}
	if elapsed := time.Since(started); elapsed < 2500*time.Millisecond {
		t.Errorf("session ended %v after the view appeared; the key press at 1s should keep it open until at least 2.5s", elapsed)
	}
	if !strings.Contains(tm.output(), "tidak ada tombol ditekan") {
		t.Errorf("output lacks the idle message; output:\n%q", tm.output())
	}
}

func TestMaxSessionEndsSession(t *testing.T) {
	k := newTestKiosk(t)
	cfg := k.config()
	cfg.MaxSession = 2 * time.Second
	srv := startServer(t, cfg, testSnapshot)
	client, err := dial(t, srv, gossh.PublicKeys(k.signer))
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()

	tm := openView(t, client, 80, 24)
	tm.waitFor("4217", 5*time.Second)

	done := make(chan error, 1)
	go func() { done <- tm.session.Wait() }()
	ticker := time.NewTicker(200 * time.Millisecond)
	defer ticker.Stop()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("session ended with %v, want exit status 0", err)
			}
			if !strings.Contains(tm.output(), "batas waktu sesi") {
				t.Errorf("output lacks the session limit message; output:\n%q", tm.output())
			}
			return
		case <-ticker.C:
			_, _ = io.WriteString(tm.stdin, "r") // keeps the idle timer from ending it
		case <-timeout:
			t.Fatal("session with a 2s limit still open after 10s")
		}
	}
}
