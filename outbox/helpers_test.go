package outbox

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/disdikbud/kiosk/client"
	"github.com/disdikbud/kiosk/client/dukcapiltest"
	"github.com/disdikbud/kiosk/ppdb"
	"github.com/disdikbud/kiosk/store"
)

// testNIK returns the i-th made-up NIK. Province code 99 does not exist, so
// no fixture NIK belongs to a person.
func testNIK(i int) string {
	return fmt.Sprintf("999901%02d0100%04d", 1+i%28, 1+i%9999)
}

// testBalikan returns a valid record for testNIK(i), with two fields empty.
func testBalikan(i int) ppdb.Balikan {
	b := ppdb.Balikan{NIK: testNIK(i)}
	b.Set(ppdb.FieldIjazah, fmt.Sprintf("DN-03 DI %07d", i))
	b.Set(ppdb.FieldScholarship, "kip")
	b.Set(ppdb.FieldSchoolName, "SMP Negeri 1 Contoh")
	b.Set(ppdb.FieldAccreditation, "a")
	b.Set(ppdb.FieldSchoolAddress, "Jl. Contoh No. 1")
	return b
}

func openStore(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "kiosk.db"))
	if err != nil {
		t.Fatalf("store.Open: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func enqueueN(t testing.TB, st *store.Store, n int) {
	t.Helper()
	for i := 0; i < n; i++ {
		if _, err := Enqueue(context.Background(), st, testBalikan(i), "op1"); err != nil {
			t.Fatalf("Enqueue %d: %v", i, err)
		}
	}
}

// logBuffer collects log output of the worker and the client, so tests can
// check it for NIKs.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

func (l *logBuffer) logger() *slog.Logger {
	return slog.New(slog.NewTextHandler(l, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

var quietLogger = slog.New(slog.DiscardHandler)

// newClient returns an HTTP client for the fake's balikan endpoint.
func newClient(t testing.TB, fake *dukcapiltest.Server, logger *slog.Logger) *client.HTTPClient {
	t.Helper()
	cfg := fake.ClientConfig()
	cfg.CallTimeout = 2 * time.Second
	cfg.Logger = logger
	if logger == nil {
		cfg.Logger = quietLogger
	}
	c, err := client.New(cfg)
	if err != nil {
		t.Fatalf("client.New: %v", err)
	}
	return c
}

// runWorker starts w and stops it when the test ends.
func runWorker(t testing.TB, w *Worker) (stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()

	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("Worker.Run: %v", err)
			}
		})
	}
	t.Cleanup(stop)
	return stop
}

// waitFor polls condition until it holds or timeout passes.
func waitFor(t testing.TB, timeout time.Duration, what string, condition func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !condition() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s", timeout, what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func queueStats(t testing.TB, st *store.Store) store.QueueStats {
	t.Helper()
	stats, err := st.QueueStats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return stats
}

// deliveredNIKs counts, per NIK, the batches the fake received it in.
func deliveredNIKs(fake *dukcapiltest.Server) map[string]int {
	counts := map[string]int{}
	for _, batch := range fake.Batches() {
		for _, d := range batch.Data {
			counts[d.NIK]++
		}
	}
	return counts
}

// databaseContains reports whether the store's file or its -wal file
// contains text.
func databaseContains(t testing.TB, st *store.Store, text string) bool {
	t.Helper()
	for _, name := range []string{st.Path(), st.Path() + "-wal"} {
		data, err := os.ReadFile(name)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		if bytes.Contains(data, []byte(text)) {
			return true
		}
	}
	return false
}
