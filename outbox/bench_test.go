package outbox

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/disdikbud/kiosk/client/dukcapiltest"
	"github.com/disdikbud/kiosk/store"
)

// BenchmarkEnqueueDurable measures Enqueue from validation to the synced
// commit, and reports the 50th and 99th percentile of single calls.
func BenchmarkEnqueueDurable(b *testing.B) {
	st := openStore(b)
	ctx := context.Background()
	latencies := make([]time.Duration, 0, b.N)

	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		if _, err := Enqueue(ctx, st, testBalikan(i), "op1"); err != nil {
			b.Fatal(err)
		}
		latencies = append(latencies, time.Since(start))
	}
	b.StopTimer()

	slices.Sort(latencies)
	b.ReportMetric(percentileMillis(latencies, 50), "p50-ms")
	b.ReportMetric(percentileMillis(latencies, 99), "p99-ms")
}

func percentileMillis(sorted []time.Duration, p int) float64 {
	i := min(len(sorted)*p/100, len(sorted)-1)
	return float64(sorted[i]) / float64(time.Millisecond)
}

// drainRecords is the queue size BenchmarkDrain delivers.
const drainRecords = 10_000

var (
	drainTemplateOnce sync.Once
	drainTemplate     string
	drainTemplateErr  error
)

// drainTemplateDB builds, once per run, a closed database file with
// drainRecords pending records that each iteration copies.
func drainTemplateDB(b *testing.B) string {
	drainTemplateOnce.Do(func() {
		dir, err := os.MkdirTemp("", "outbox-bench-")
		if err != nil {
			drainTemplateErr = err
			return
		}
		drainTemplate = filepath.Join(dir, "template.db")
		st, err := store.Open(context.Background(), drainTemplate)
		if err != nil {
			drainTemplateErr = err
			return
		}
		defer st.Close()
		for i := 0; i < drainRecords; i++ {
			if _, err := Enqueue(context.Background(), st, testBalikan(i), "op1"); err != nil {
				drainTemplateErr = err
				return
			}
		}
	})
	if drainTemplateErr != nil {
		b.Fatalf("build the drain template: %v", drainTemplateErr)
	}
	return drainTemplate
}

func copyFile(b *testing.B, from, to string) {
	b.Helper()
	src, err := os.Open(from)
	if err != nil {
		b.Fatal(err)
	}
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		b.Fatal(err)
	}
	defer dst.Close()
	if _, err := io.Copy(dst, src); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkDrain delivers 10,000 queued records to the loopback fake
// through the HTTP client and reports records per second, setup excluded.
func BenchmarkDrain(b *testing.B) {
	for _, batchSize := range []int{50, 200} {
		b.Run(fmt.Sprintf("batch=%d", batchSize), func(b *testing.B) {
			benchmarkDrain(b, batchSize)
		})
	}
}

func benchmarkDrain(b *testing.B, batchSize int) {
	template := drainTemplateDB(b)
	var total time.Duration
	b.ResetTimer()

	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db := filepath.Join(b.TempDir(), "kiosk.db")
		copyFile(b, template, db)
		st, err := store.Open(context.Background(), db)
		if err != nil {
			b.Fatal(err)
		}
		fake := dukcapiltest.NewServer()
		drained := make(chan struct{})
		var once sync.Once
		cfg := Config{BatchSize: batchSize, Logger: benchLogger, OnStatus: func(s Status) {
			if s.Pending == 0 && !s.LastDelivery.IsZero() {
				once.Do(func() { close(drained) })
			}
		}}
		w := NewWorker(st, newClient(b, fake, nil), cfg)
		ctx, cancel := context.WithCancel(context.Background())
		b.StartTimer()

		start := time.Now()
		stopped := make(chan struct{})
		go func() {
			defer close(stopped)
			w.Run(ctx)
		}()
		select {
		case <-drained:
		case <-time.After(5 * time.Minute):
			b.Fatal("queue not drained in 5 minutes")
		}
		total += time.Since(start)

		b.StopTimer()
		cancel()
		<-stopped
		fake.Close()
		stats, _ := st.QueueStats(context.Background())
		st.Close()
		if stats.Delivered != drainRecords {
			b.Fatalf("%d records delivered, want %d", stats.Delivered, drainRecords)
		}
	}
	b.ReportMetric(float64(drainRecords*b.N)/total.Seconds(), "records/s")
}

// benchLogger shows failed batches during a benchmark, which would explain
// a slow figure.
var benchLogger = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
