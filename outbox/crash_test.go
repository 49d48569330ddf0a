package outbox

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/disdikbud/kiosk/client"
	"github.com/disdikbud/kiosk/client/dukcapiltest"
	"github.com/disdikbud/kiosk/store"
)

// Environment variables of a crash-test child process: the test binary
// started again in the role that OUTBOX_CRASH_CHILD names.
const (
	envChild = "OUTBOX_CRASH_CHILD" // "enqueue" or "drain"
	envDB    = "OUTBOX_CRASH_DB"    // database path
	envURL   = "OUTBOX_CRASH_URL"   // the fake's base URL
	envFirst = "OUTBOX_CRASH_FIRST" // index of the child's first testNIK
)

// crashBatchSize bounds the records one killed delivery call can leave
// unconfirmed.
const crashBatchSize = 5

func TestMain(m *testing.M) {
	if role := os.Getenv(envChild); role != "" {
		os.Exit(runCrashChild(role))
	}
	code := m.Run()
	if drainTemplate != "" {
		os.RemoveAll(filepath.Dir(drainTemplate))
	}
	os.Exit(code)
}

// runCrashChild is the kiosk side of the crash test. As "enqueue" it queues
// records as fast as it can while its worker delivers them, and prints
// "enqueued KEY INDEX" once each Enqueue has returned, until it is killed.
// As "drain" it delivers what is left and exits 0.
func runCrashChild(role string) int {
	ctx := context.Background()
	st, err := store.Open(ctx, os.Getenv(envDB))
	if err != nil {
		fmt.Fprintln(os.Stderr, "crash child:", err)
		return 1
	}
	defer st.Close()

	cfg := client.Config{
		BaseURL: os.Getenv(envURL), CustomerID: dukcapiltest.CustomerID,
		UserID: dukcapiltest.UserID, Password: dukcapiltest.Password, IPUser: dukcapiltest.IPUser,
		StoreURL: os.Getenv(envURL) + dukcapiltest.StorePath, StoreToken: dukcapiltest.StoreToken,
		LembagaID: dukcapiltest.LembagaID, LembagaName: dukcapiltest.LembagaName,
		Logger: quietLogger,
	}
	gateway, err := client.New(cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, "crash child:", err)
		return 1
	}
	w := NewWorker(st, gateway, fastRetries(Config{BatchSize: crashBatchSize}))
	go w.Run(ctx)

	if role == "drain" {
		return drainChild(st)
	}

	first, _ := strconv.Atoi(os.Getenv(envFirst))
	for i := first; ; i++ {
		key := NewKey()
		if _, err := EnqueueKey(ctx, st, testBalikan(i), "op1", key); err != nil {
			fmt.Fprintln(os.Stderr, "crash child:", err)
			return 1
		}
		fmt.Fprintf(os.Stdout, "enqueued %s %d\n", key, i)
		w.Wake()
	}
}

func drainChild(st *store.Store) int {
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		stats, err := st.QueueStats(context.Background())
		if err == nil && stats.Pending+stats.Sending == 0 {
			return 0
		}
		time.Sleep(10 * time.Millisecond)
	}
	fmt.Fprintln(os.Stderr, "crash child: queue not drained in 20s")
	return 1
}

// startChild runs the test binary as a crash child and collects the lines
// it prints.
func startChild(t *testing.T, role, db, url string, first int) (*exec.Cmd, <-chan string) {
	t.Helper()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), envChild+"="+role, envDB+"="+db, envURL+"="+url, envFirst+"="+strconv.Itoa(first))
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start crash child: %v", err)
	}

	lines := make(chan string, 1024)
	go func() {
		defer close(lines)
		scanner := bufio.NewScanner(stdout)
		for scanner.Scan() {
			lines <- scanner.Text()
		}
	}()
	return cmd, lines
}

// enqueuedLine is one record a child reported as queued.
type enqueuedLine struct {
	key   string
	index int
}

func parseEnqueued(line string) (enqueuedLine, bool) {
	fields := strings.Fields(line)
	if len(fields) != 3 || fields[0] != "enqueued" {
		return enqueuedLine{}, false
	}
	index, err := strconv.Atoi(fields[2])
	return enqueuedLine{key: fields[1], index: index}, err == nil
}

// A kiosk process killed with SIGKILL at random moments of enqueue and
// delivery must lose no record that Enqueue confirmed, and the endpoint
// must never take one record twice as new.
func TestCrashLosesNothingDeliversOnce(t *testing.T) {
	rounds := 30
	if testing.Short() {
		rounds = 8
	}
	fake := dukcapiltest.NewServer(dukcapiltest.WithLatency(time.Millisecond))
	defer fake.Close()
	db := filepath.Join(t.TempDir(), "kiosk.db")

	var reported []enqueuedLine
	for round := 0; round < rounds; round++ {
		cmd, lines := startChild(t, "enqueue", db, fake.URL, round*5000)
		time.Sleep(time.Duration(40+rand.IntN(200)) * time.Millisecond)
		if err := cmd.Process.Kill(); err != nil {
			t.Fatalf("round %d: kill child %d: %v", round, cmd.Process.Pid, err)
		}
		// Read to the end before Wait, which closes the pipe.
		for line := range lines {
			if e, ok := parseEnqueued(line); ok {
				reported = append(reported, e)
			}
		}
		cmd.Wait()
	}

	drain, lines := startChild(t, "drain", db, fake.URL, 0)
	for range lines {
	}
	if err := drain.Wait(); err != nil {
		t.Fatalf("drain child: %v", err)
	}
	if len(reported) == 0 {
		t.Fatal("no child reported an enqueued record; the test exercised nothing")
	}

	stored := checkNothingLost(t, db, reported)
	checkDeliveredOnce(t, fake, reported, rounds, stored)
}

// checkNothingLost checks the store after the drain and returns how many
// records it holds.
func checkNothingLost(t *testing.T, db string, reported []enqueuedLine) int {
	t.Helper()
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()

	for _, e := range reported {
		b, err := st.Balikan(context.Background(), e.key)
		if err != nil {
			t.Errorf("record %s confirmed by Enqueue is missing: %v", e.key, err)
			continue
		}
		if b.State != store.Delivered {
			t.Errorf("record %s is %s after the drain, want delivered", e.key, b.State)
		}
		if b.NIK != "" {
			t.Errorf("record %s still holds its NIK after delivery", e.key)
		}
	}

	stats, _ := st.QueueStats(context.Background())
	t.Logf("%d records confirmed by children; queue after the drain: %+v", len(reported), stats)
	if stats.Pending+stats.Sending+stats.Exporting != 0 {
		t.Errorf("queue not empty after the drain: %+v", stats)
	}
	return stats.Pending + stats.Sending + stats.Exporting + stats.Delivered + stats.Exported
}

// checkDeliveredOnce checks what the fake received: every record, and each
// one accepted as new once. Records a child queued but was killed before
// reporting count too, so the fake must hold one NIK per stored record.
func checkDeliveredOnce(t *testing.T, fake *dukcapiltest.Server, reported []enqueuedLine, rounds, stored int) {
	t.Helper()
	received := map[string]int{}
	acceptedNew := map[string]int{}
	for _, batch := range fake.Batches() {
		for _, d := range batch.Data {
			received[d.NIK]++
			if batch.Status == 200 {
				acceptedNew[d.NIK]++
			}
		}
	}

	for _, e := range reported {
		if received[testNIK(e.index)] == 0 {
			t.Errorf("record %s (index %d) never reached the endpoint", e.key, e.index)
		}
	}
	for _, n := range acceptedNew {
		if n > 1 {
			t.Errorf("the endpoint accepted one NIK %d times as new", n)
		}
	}

	if len(received) != stored {
		t.Errorf("the endpoint received %d distinct NIKs for %d stored records", len(received), stored)
	}

	repeats := 0
	for _, n := range received {
		repeats += n - 1
	}
	t.Logf("%d rounds, %d NIKs received, %d repeats answered as already delivered", rounds, len(received), repeats)
	if limit := rounds * crashBatchSize; repeats > limit {
		t.Errorf("%d repeated deliveries, want at most %d: one unconfirmed batch per kill", repeats, limit)
	}
}
