package device_test

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/disdikbud/kiosk/device"
	"github.com/disdikbud/kiosk/device/vcard"
	"github.com/ebfe/scard"
)

// The PC/SC tests need a real pcscd with vsmartcard-vpcd in a private
// network namespace, which scripts/pcsc-test.sh sets up; it sets
// KIOSK_PCSC=1 and KIOSK_PCSCD to the pcscd binary.
func requirePCSC(tb testing.TB) string {
	tb.Helper()
	if os.Getenv("KIOSK_PCSC") != "1" {
		tb.Skip("PC/SC tests run only under scripts/pcsc-test.sh (KIOSK_PCSC=1)")
	}
	bin := os.Getenv("KIOSK_PCSCD")
	if bin == "" {
		bin = "pcscd"
	}
	return bin
}

// pcscd is a pcscd started by a test, stopped by its PID.
type pcscd struct {
	tb  testing.TB
	bin string
	cmd *exec.Cmd
	log *bytes.Buffer
}

// startPCSCD starts pcscd in the foreground and waits until it lists both
// vpcd readers. The test's cleanup stops it.
func startPCSCD(tb testing.TB) *pcscd {
	tb.Helper()
	d := &pcscd{tb: tb, bin: requirePCSC(tb)}
	d.start()
	tb.Cleanup(d.stop)
	return d
}

func (d *pcscd) start() {
	d.tb.Helper()
	d.log = &bytes.Buffer{}
	d.cmd = exec.Command(d.bin, "--foreground", "--info")
	d.cmd.Stdout, d.cmd.Stderr = d.log, d.log
	if err := d.cmd.Start(); err != nil {
		d.tb.Fatalf("start pcscd: %v", err)
	}
	if err := waitReaders(2, 10*time.Second); err != nil {
		d.stop()
		d.tb.Fatalf("pcscd did not list the vpcd readers: %v\npcscd output:\n%s", err, d.log)
	}
}

func (d *pcscd) stop() {
	if d.cmd == nil || d.cmd.Process == nil {
		return
	}
	d.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { d.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		d.cmd.Process.Kill()
		<-done
	}
	d.cmd = nil
}

// waitReaders polls pcscd until it lists n readers.
func waitReaders(n int, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	var last error
	for time.Now().Before(deadline) {
		ctx, err := scard.EstablishContext()
		if err == nil {
			names, err := ctx.ListReaders()
			ctx.Release()
			if err == nil && len(names) >= n {
				return nil
			}
			last = fmt.Errorf("readers %q, list error %v", names, err)
		} else {
			last = err
		}
		time.Sleep(20 * time.Millisecond)
	}
	return last
}

// insert connects the applet to vpcd on port and serves it until the test
// ends or the returned cancel function runs, which removes the card.
func insert(tb testing.TB, applet vcard.Applet, port int, opts vcard.ServeOptions) (remove func()) {
	tb.Helper()
	addr := net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
	var conn *vcard.Conn
	var err error
	for range 100 {
		if conn, err = vcard.Dial(context.Background(), addr); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		tb.Fatalf("insert into vpcd: %v", err)
	}
	served := make(chan error, 1)
	go func() { served <- conn.Serve(applet, opts) }()
	remove = func() {
		conn.Close()
		if err := <-served; err != nil {
			tb.Errorf("virtual card on port %d: %v", port, err)
		}
	}
	tb.Cleanup(func() { conn.Close() })
	return remove
}

// keepInserted serves the applet like cmd/vcard does: it reconnects after
// pcscd restarts, until the test ends.
func keepInserted(tb testing.TB, applet vcard.Applet, port int) {
	addr := net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		for ctx.Err() == nil {
			conn, err := vcard.Dial(ctx, addr)
			if err != nil {
				time.Sleep(20 * time.Millisecond)
				continue
			}
			stop := context.AfterFunc(ctx, func() { conn.Close() })
			conn.Serve(applet, vcard.ServeOptions{})
			stop()
			applet.Reset()
		}
	}()
	tb.Cleanup(func() { cancel(); <-done })
}

func newPCSC(tb testing.TB) *device.PCSC {
	tb.Helper()
	r, err := device.NewPCSC(device.PCSCConfig{
		SAMSecret: vcard.DemoSAMSecret,
		RetryMin:  50 * time.Millisecond,
		RetryMax:  200 * time.Millisecond,
	})
	if err != nil {
		tb.Fatalf("new PC/SC reader: %v", err)
	}
	tb.Cleanup(func() { r.Close() })
	return r
}

// waitEvent returns the first event of the kind, skipping others, and
// fails the test after timeout.
func waitEvent(tb testing.TB, events <-chan device.Event, kind device.EventKind, timeout time.Duration) device.Event {
	tb.Helper()
	deadline := time.After(timeout)
	for {
		select {
		case e, ok := <-events:
			if !ok {
				tb.Fatalf("event channel closed while waiting for %v", kind)
			}
			if e.Kind == kind {
				return e
			}
		case <-deadline:
			tb.Fatalf("no %v event within %v", kind, timeout)
		}
	}
}

// fingersimPath returns the simulated fingerprint helper: the binary that
// KIOSK_FINGERSIM names, or one built for the test.
func fingersimPath(tb testing.TB) string {
	return commandPath(tb, "KIOSK_FINGERSIM", "fingersim")
}

// commandPath returns the binary of cmd/name that the environment variable
// names, or builds it into the test's temporary directory.
func commandPath(tb testing.TB, env, name string) string {
	tb.Helper()
	if p := os.Getenv(env); p != "" {
		return p
	}
	out := filepath.Join(tb.TempDir(), name)
	cmd := exec.Command("go", "build", "-o", out, "github.com/disdikbud/kiosk/cmd/"+name)
	if msg, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("build cmd/%s: %v\n%s", name, err, msg)
	}
	return out
}

// waitPresent polls until a card can be connected in the reader, because
// pcscd notices a card in a vpcd slot only at its next poll. It connects
// rather than waits for a status change, so it never runs GetStatusChange
// beside the reader's watcher.
func waitPresent(tb testing.TB, reader string, timeout time.Duration) {
	tb.Helper()
	deadline := time.Now().Add(timeout)
	var last error
	for time.Now().Before(deadline) {
		ctx, err := scard.EstablishContext()
		if err == nil {
			var card *scard.Card
			card, err = ctx.Connect(reader, scard.ShareShared, scard.ProtocolAny)
			if err == nil {
				card.Disconnect(scard.LeaveCard)
			}
			ctx.Release()
			if err == nil {
				return
			}
		}
		last = err
		time.Sleep(20 * time.Millisecond)
	}
	tb.Fatalf("no card in %q within %v: %v", reader, timeout, last)
}

// insertSAM puts a virtual SAM with the demo secret into the SAM reader and
// waits until pcscd has seen it, because pcscd polls each reader on its own
// and may report the card before the SAM.
func insertSAM(tb testing.TB) {
	tb.Helper()
	insert(tb, vcard.NewSAM(vcard.DemoSAMSecret), vcard.DefaultSAMPort, vcard.ServeOptions{})
	waitPresent(tb, device.DefaultSAMReader, eventTimeout)
}
