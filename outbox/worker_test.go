package outbox

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/disdikbud/kiosk/client"
	"github.com/disdikbud/kiosk/client/dukcapiltest"
	"github.com/disdikbud/kiosk/store"
)

// fastRetries keeps test pauses short.
func fastRetries(cfg Config) Config {
	if cfg.Logger == nil {
		cfg.Logger = quietLogger
	}
	cfg.BackoffBase = 10 * time.Millisecond
	cfg.BackoffMax = 50 * time.Millisecond
	cfg.PollInterval = 20 * time.Millisecond
	return cfg
}

func TestWorkerDeliversInBatches(t *testing.T) {
	st := openStore(t)
	fake := dukcapiltest.NewServer()
	defer fake.Close()
	logs := &logBuffer{}
	enqueueN(t, st, 5)

	w := NewWorker(st, newClient(t, fake, logs.logger()), fastRetries(Config{BatchSize: 2, Logger: logs.logger()}))
	stop := runWorker(t, w)
	waitFor(t, 5*time.Second, "5 records delivered and shown", func() bool {
		return queueStats(t, st).Delivered == 5 && w.Status().Pending == 0
	})
	stop()

	batches := fake.Batches()
	if len(batches) != 3 {
		t.Errorf("fake received %d batches, want 3 for 5 records in batches of 2", len(batches))
	}
	first := batches[0].Data[0]
	if first.NIK != testNIK(0) {
		t.Errorf("first item's NIK is not the first record's")
	}
	wantKeys := []string{"NO_IJAZAH", "KET_BEASISWA", "NAMA_SEKOLAH", "AKREDITASI", "ALAMAT_SEKOLAH"}
	var gotKeys []string
	for _, p := range first.Params {
		gotKeys = append(gotKeys, p.Key)
	}
	if strings.Join(gotKeys, ",") != strings.Join(wantKeys, ",") {
		t.Errorf("param keys = %v, want %v without the empty fields", gotKeys, wantKeys)
	}
	if first.Params[1].Value != "KIP" {
		t.Errorf("KET_BEASISWA = %q, want the normalised KIP", first.Params[1].Value)
	}

	status := w.Status()
	if status.Pending != 0 || status.LastDelivery.IsZero() || status.LastError != "" || status.Backoff != 0 {
		t.Errorf("status after delivery = %+v, want nothing pending and a last delivery", status)
	}
	records, _ := st.Records(context.Background())
	for _, r := range records {
		if r.NIK != "" {
			t.Errorf("record %d still holds its NIK after delivery", r.ID)
		}
	}
	for i := 0; i < 5; i++ {
		if databaseContains(t, st, testNIK(i)) {
			t.Errorf("the database files still contain the NIK of record %d after delivery", i)
		}
	}
	if log := logs.String(); strings.Contains(log, testNIK(0)) || !strings.Contains(log, "balikan batch delivered") {
		t.Errorf("log has a NIK or lacks the delivery line:\n%s", log)
	}
}

func TestWorkerUsesConfiguredParamKeys(t *testing.T) {
	st := openStore(t)
	fake := dukcapiltest.NewServer()
	defer fake.Close()
	enqueueN(t, st, 1)

	keys := ParamKeys{0: "IJAZAH_NO"}
	w := NewWorker(st, newClient(t, fake, nil), fastRetries(Config{ParamKeys: keys}))
	runWorker(t, w)
	waitFor(t, 5*time.Second, "record delivered", func() bool { return queueStats(t, st).Delivered == 1 })

	params := fake.Batches()[0].Data[0].Params
	if params[0].Key != "IJAZAH_NO" || params[1].Key != "KET_BEASISWA" {
		t.Errorf("param keys = %v, want IJAZAH_NO then the default KET_BEASISWA", params)
	}
}

// The fake keeps a batch and then replies 500, so the retry gets "Data
// sudah pernah dikirim", which must count as delivered.
func TestWorkerRetriesServerErrorThenDuplicate(t *testing.T) {
	st := openStore(t)
	fake := dukcapiltest.NewServer()
	defer fake.Close()
	fake.SetFault(dukcapiltest.FaultHTTP500, 2)
	enqueueN(t, st, 1)

	var mu sync.Mutex
	var seen []Status
	cfg := fastRetries(Config{OnStatus: func(s Status) {
		mu.Lock()
		defer mu.Unlock()
		seen = append(seen, s)
	}})
	w := NewWorker(st, newClient(t, fake, nil), cfg)
	runWorker(t, w)
	waitFor(t, 5*time.Second, "record delivered and shown", func() bool {
		return queueStats(t, st).Delivered == 1 && w.Status().Pending == 0
	})

	batches := fake.Batches()
	if len(batches) != 3 {
		t.Fatalf("fake received %d batches, want 3 (two answered 500, then one answered as a repeat)", len(batches))
	}
	if batches[2].Status != 400 {
		t.Errorf("third batch answered %d, want 400 Data sudah pernah dikirim", batches[2].Status)
	}

	mu.Lock()
	defer mu.Unlock()
	sawBackoff := false
	for _, s := range seen {
		if s.Backoff > 0 && s.LastError != "" {
			sawBackoff = true
		}
	}
	if !sawBackoff {
		t.Errorf("OnStatus never reported a backoff with an error; saw %+v", seen)
	}
	if last := seen[len(seen)-1]; last.LastError != "" || last.Backoff != 0 || last.Pending != 0 {
		t.Errorf("last status = %+v, want cleared error and nothing pending", last)
	}
}

func TestWorkerSurvivesDroppedConnection(t *testing.T) {
	st := openStore(t)
	fake := dukcapiltest.NewServer()
	defer fake.Close()
	fake.SetFault(dukcapiltest.FaultDrop, 1)
	enqueueN(t, st, 3)

	w := NewWorker(st, newClient(t, fake, nil), fastRetries(Config{}))
	runWorker(t, w)
	waitFor(t, 5*time.Second, "3 records delivered", func() bool { return queueStats(t, st).Delivered == 3 })

	for _, n := range deliveredNIKs(fake) {
		if n > 2 {
			t.Errorf("a NIK was sent %d times, want at most 2 for one dropped reply", n)
		}
	}
}

// startFakeAt starts a fake on addr, retrying while the port is still
// being released by an earlier listener.
func startFakeAt(t *testing.T, addr string) *dukcapiltest.Server {
	t.Helper()
	var lastErr error
	for i := 0; i < 50; i++ {
		fake, err := dukcapiltest.Start(addr)
		if err == nil {
			return fake
		}
		lastErr = err
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("restart fake on %s: %v", addr, lastErr)
	return nil
}

func TestWorkerPausesWhileDownAndResumes(t *testing.T) {
	st := openStore(t)
	fake := dukcapiltest.NewServer()
	addr := strings.TrimPrefix(fake.URL, "http://")
	gateway := newClient(t, fake, nil)
	fake.Close()
	enqueueN(t, st, 4)

	w := NewWorker(st, gateway, fastRetries(Config{BatchSize: 4}))
	runWorker(t, w)
	waitFor(t, 5*time.Second, "a failed attempt", func() bool { return w.Status().LastError != "" })
	if stats := queueStats(t, st); stats.Delivered != 0 {
		t.Fatalf("%d records delivered with the endpoint down", stats.Delivered)
	}

	back := startFakeAt(t, addr)
	defer back.Close()
	waitFor(t, 5*time.Second, "delivery after the endpoint came back", func() bool {
		return queueStats(t, st).Delivered == 4
	})
	if got := len(deliveredNIKs(back)); got != 4 {
		t.Errorf("the restarted endpoint received %d NIKs, want 4", got)
	}
}

func TestWakeEndsLongPause(t *testing.T) {
	st := openStore(t)
	fake := dukcapiltest.NewServer()
	defer fake.Close()
	fake.SetFault(dukcapiltest.FaultHTTP500, 1)
	enqueueN(t, st, 1)

	cfg := Config{BackoffBase: time.Hour, BackoffMax: time.Hour, PollInterval: time.Hour, Logger: quietLogger}
	w := NewWorker(st, newClient(t, fake, nil), cfg)
	runWorker(t, w)
	waitFor(t, 5*time.Second, "the first failure", func() bool { return w.Status().Backoff > 0 })

	w.Wake()
	waitFor(t, 5*time.Second, "delivery after Wake", func() bool { return queueStats(t, st).Delivered == 1 })
}

// rejectingGateway fails every batch that contains the NIK it rejects, as an
// endpoint would that refuses one malformed record.
type rejectingGateway struct {
	next   Deliverer
	reject string
}

func (g rejectingGateway) DeliverBalikan(ctx context.Context, items []client.BalikanItem) error {
	for _, item := range items {
		if item.NIK == g.reject {
			return errors.New("endpoint rejected the batch")
		}
	}
	return g.next.DeliverBalikan(ctx, items)
}

func TestRejectedRecordDoesNotBlockOthers(t *testing.T) {
	st := openStore(t)
	fake := dukcapiltest.NewServer()
	defer fake.Close()
	enqueueN(t, st, 20)

	gateway := rejectingGateway{next: newClient(t, fake, nil), reject: testNIK(0)}
	w := NewWorker(st, gateway, fastRetries(Config{BatchSize: 8}))
	runWorker(t, w)
	waitFor(t, 10*time.Second, "19 records delivered", func() bool { return queueStats(t, st).Delivered == 19 })

	stats := queueStats(t, st)
	if stats.Pending+stats.Sending != 1 {
		t.Errorf("stats = %+v, want only the rejected record left", stats)
	}
	records, _ := st.Records(context.Background(), store.Pending, store.Sending)
	if len(records) == 1 && records[0].NIK != testNIK(0) {
		t.Error("the record left queued is not the rejected one")
	}
}

func TestWorkerReleasesBatchAtShutdown(t *testing.T) {
	st := openStore(t)
	fake := dukcapiltest.NewServer(dukcapiltest.WithLatency(10 * time.Second))
	defer fake.Close()
	enqueueN(t, st, 2)

	w := NewWorker(st, newClient(t, fake, nil), fastRetries(Config{}))
	stop := runWorker(t, w)
	waitFor(t, 5*time.Second, "a call in flight", func() bool { return len(fake.Calls()) > 0 })
	stop()

	stats := queueStats(t, st)
	if stats.Pending != 2 || stats.Sending != 0 {
		t.Errorf("stats after shutdown = %+v, want both records pending", stats)
	}
	records, _ := st.Records(context.Background())
	for _, r := range records {
		if r.Attempts != 0 {
			t.Errorf("record %d has %d attempts, want 0: a shutdown is not a failed delivery", r.ID, r.Attempts)
		}
	}
}

func TestWorkerRecoversSendingAtStart(t *testing.T) {
	st := openStore(t)
	fake := dukcapiltest.NewServer()
	defer fake.Close()
	enqueueN(t, st, 2)
	// A process that died mid-delivery leaves its batch sending.
	if _, err := st.ClaimBatch(context.Background(), 2, time.Now()); err != nil {
		t.Fatal(err)
	}

	w := NewWorker(st, newClient(t, fake, nil), fastRetries(Config{}))
	runWorker(t, w)
	waitFor(t, 5*time.Second, "records left sending delivered", func() bool { return queueStats(t, st).Delivered == 2 })
}

func TestBackoffGrowsWithJitterUpToMax(t *testing.T) {
	w := NewWorker(nil, nil, Config{BackoffBase: time.Second, BackoffMax: 8 * time.Second})
	cases := []struct {
		failures int
		full     time.Duration
	}{
		{1, time.Second},
		{2, 2 * time.Second},
		{4, 8 * time.Second},
		{10, 8 * time.Second},
	}
	for _, c := range cases {
		for i := 0; i < 50; i++ {
			d := w.backoff(c.failures)
			if d < c.full/2 || d > c.full {
				t.Fatalf("backoff(%d) = %s, want between %s and %s", c.failures, d, c.full/2, c.full)
			}
		}
	}
}
