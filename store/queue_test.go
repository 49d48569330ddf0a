package store

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// Made-up NIKs: province code 99 does not exist, so they match no person.
const (
	nikA = "9999010101000001"
	nikB = "9999010101000002"
	nikC = "9999010101000003"
)

var enqueuedAt = time.Date(2024, 7, 8, 9, 0, 0, 0, time.Local)

func record(key, nik string) QueuedBalikan {
	return QueuedBalikan{
		Key:       key,
		NIK:       nik,
		Values:    [8]string{"DN-03 DI 0012345", "", "", "", "KIP", "SMP NEGERI 1 CONTOH", "A", "JL. CONTOH NO. 1"},
		Operator:  "op1",
		CreatedAt: enqueuedAt,
	}
}

func enqueue(t *testing.T, s *Store, b QueuedBalikan) int64 {
	t.Helper()
	id, err := s.Enqueue(context.Background(), b)
	if err != nil {
		t.Fatalf("Enqueue(%s): %v", b.Key, err)
	}
	return id
}

func mustRecord(t *testing.T, s *Store, key string) QueuedBalikan {
	t.Helper()
	b, err := s.Balikan(context.Background(), key)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestEnqueueRepeatedKeyReturnsExistingID(t *testing.T) {
	s := openTemp(t)
	first := enqueue(t, s, record("k1", nikA))
	again := enqueue(t, s, record("k1", nikB))
	if again != first {
		t.Errorf("second Enqueue of key k1 returned ID %d, want the first ID %d", again, first)
	}

	got := mustRecord(t, s, "k1")
	if got.NIK != nikA {
		t.Error("second Enqueue of key k1 replaced the NIK, want the first record unchanged")
	}
	if n := countRows(t, s.db, `SELECT count(*) FROM balikan`); n != 1 {
		t.Errorf("%d rows after a repeated key, want 1", n)
	}
}

func TestEnqueueStoresRecord(t *testing.T) {
	s := openTemp(t)
	want := record("k1", nikA)
	id := enqueue(t, s, want)

	got := mustRecord(t, s, "k1")
	if got.ID != id || got.NIK != want.NIK || got.Values != want.Values || got.Operator != want.Operator {
		t.Errorf("stored record = %+v, want %+v", got, want)
	}
	if got.State != Pending || got.Attempts != 0 {
		t.Errorf("new record state=%s attempts=%d, want pending and 0", got.State, got.Attempts)
	}
	if !got.CreatedAt.Equal(enqueuedAt) || !got.NextAttempt.Equal(enqueuedAt) {
		t.Errorf("CreatedAt=%v NextAttempt=%v, want both %v", got.CreatedAt, got.NextAttempt, enqueuedAt)
	}
}

func TestEnqueueRejectsMissingFields(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	noKey, noNIK, noOperator := record("", nikA), record("k", ""), record("k", nikA)
	noOperator.Operator = ""
	for name, b := range map[string]QueuedBalikan{"key": noKey, "NIK": noNIK, "operator": noOperator} {
		if _, err := s.Enqueue(ctx, b); err == nil {
			t.Errorf("Enqueue without %s succeeded, want an error", name)
		}
	}
}

func TestClaimBatchTakesDueRecordsInOrder(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	later := record("later", nikC)
	later.NextAttempt = enqueuedAt.Add(time.Hour)
	enqueue(t, s, later)
	second := record("second", nikB)
	second.NextAttempt = enqueuedAt.Add(time.Minute)
	enqueue(t, s, second)
	enqueue(t, s, record("first", nikA))

	batch, err := s.ClaimBatch(ctx, 10, enqueuedAt.Add(2*time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if len(batch) != 2 || batch[0].Key != "first" || batch[1].Key != "second" {
		t.Fatalf("ClaimBatch returned %v, want first and second", keys(batch))
	}
	for _, b := range batch {
		if b.State != Sending {
			t.Errorf("claimed %s has state %s, want sending", b.Key, b.State)
		}
	}

	again, err := s.ClaimBatch(ctx, 10, enqueuedAt.Add(2*time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if len(again) != 0 {
		t.Errorf("second ClaimBatch returned %v, want nothing: claimed records are not pending", keys(again))
	}

	limited, err := s.ClaimBatch(ctx, 1, enqueuedAt.Add(2*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if len(limited) != 1 || limited[0].Key != "later" {
		t.Errorf("ClaimBatch(1) after the hour = %v, want later", keys(limited))
	}
}

func TestReleaseCountsAttemptAndMasksNIK(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	enqueue(t, s, record("k1", nikA))
	batch, _ := s.ClaimBatch(ctx, 10, enqueuedAt)

	next := enqueuedAt.Add(30 * time.Second)
	if err := s.Release(ctx, ids(batch), "HTTP 500 for NIK "+nikA, next); err != nil {
		t.Fatal(err)
	}

	got := mustRecord(t, s, "k1")
	if got.State != Pending || got.Attempts != 1 || !got.NextAttempt.Equal(next) {
		t.Errorf("released record state=%s attempts=%d next=%v, want pending, 1, %v",
			got.State, got.Attempts, got.NextAttempt, next)
	}
	if strings.Contains(got.LastError, nikA) || !strings.Contains(got.LastError, "HTTP 500") {
		t.Errorf("LastError = %q, want the message with the NIK masked", got.LastError)
	}
	if early, _ := s.ClaimBatch(ctx, 10, next.Add(-time.Millisecond)); len(early) != 0 {
		t.Error("ClaimBatch before NextAttempt returned the released record")
	}
	if due, _ := s.ClaimBatch(ctx, 10, next); len(due) != 1 {
		t.Error("ClaimBatch at NextAttempt did not return the released record")
	}
}

func TestMarkDeliveredLeavesReceipt(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	enqueue(t, s, record("k1", nikA))
	batch, _ := s.ClaimBatch(ctx, 10, enqueuedAt)
	deliveredAt := enqueuedAt.Add(time.Minute)

	if err := s.MarkDelivered(ctx, ids(batch), deliveredAt); err != nil {
		t.Fatal(err)
	}

	got := mustRecord(t, s, "k1")
	if got.State != Delivered || !got.DeliveredAt.Equal(deliveredAt) {
		t.Errorf("state=%s deliveredAt=%v, want delivered at %v", got.State, got.DeliveredAt, deliveredAt)
	}
	if got.NIK != "" || got.Values != [8]string{} {
		t.Error("delivered record still holds its NIK or values")
	}
	if got.Key != "k1" || got.Operator != "op1" || !got.CreatedAt.Equal(enqueuedAt) {
		t.Errorf("receipt = %+v, want key, operator and creation time kept", got)
	}
	if again, _ := s.ClaimBatch(ctx, 10, deliveredAt.Add(time.Hour)); len(again) != 0 {
		t.Error("ClaimBatch returned a delivered record")
	}
}

func TestReceiptCannotHoldNIK(t *testing.T) {
	s := openTemp(t)
	id := enqueue(t, s, record("k1", nikA))
	_, err := s.db.Exec(`UPDATE balikan SET state = 'delivered' WHERE id = ?`, id)
	if err == nil {
		t.Error("setting state delivered without erasing the NIK succeeded, want the CHECK constraint to reject it")
	}
}

func TestRequeueKeepsAttempts(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	enqueue(t, s, record("k1", nikA))
	batch, _ := s.ClaimBatch(ctx, 10, enqueuedAt)

	if err := s.Requeue(ctx, ids(batch)); err != nil {
		t.Fatal(err)
	}
	got := mustRecord(t, s, "k1")
	if got.State != Pending || got.Attempts != 0 {
		t.Errorf("requeued record state=%s attempts=%d, want pending and 0", got.State, got.Attempts)
	}
}

func TestRecoverSendingReturnsRecordsToPending(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	enqueue(t, s, record("k1", nikA))
	enqueue(t, s, record("k2", nikB))
	enqueue(t, s, record("k3", nikC))
	s.ClaimBatch(ctx, 1, enqueuedAt)
	s.ClaimExport(ctx)

	n, err := s.RecoverSending(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n != 3 {
		t.Errorf("RecoverSending = %d, want 3 (one sending, two exporting)", n)
	}
	stats, _ := s.QueueStats(ctx)
	if stats.Pending != 3 || stats.Sending != 0 || stats.Exporting != 0 {
		t.Errorf("stats after recovery = %+v, want 3 pending", stats)
	}
}

func TestExportClaimsAndErases(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	enqueue(t, s, record("k1", nikA))
	future := record("k2", nikB)
	future.NextAttempt = enqueuedAt.Add(time.Hour)
	enqueue(t, s, future)

	candidates, err := s.ExportCandidates(ctx)
	if err != nil || len(candidates) != 2 {
		t.Fatalf("ExportCandidates = %v, %v; want both records", keys(candidates), err)
	}
	claimed, err := s.ClaimExport(ctx)
	if err != nil || len(claimed) != 2 || claimed[0].NIK != nikA {
		t.Fatalf("ClaimExport = %v, %v; want both records with their NIKs", keys(claimed), err)
	}
	if batch, _ := s.ClaimBatch(ctx, 10, enqueuedAt.Add(2*time.Hour)); len(batch) != 0 {
		t.Fatalf("ClaimBatch took %v while they were being exported", keys(batch))
	}

	exportedAt := enqueuedAt.Add(time.Minute)
	if err := s.MarkExported(ctx, ids(claimed), exportedAt, "balikan.xlsx"); err != nil {
		t.Fatal(err)
	}
	got := mustRecord(t, s, "k1")
	if got.State != Exported || got.ExportFile != "balikan.xlsx" || !got.ExportedAt.Equal(exportedAt) {
		t.Errorf("exported record = %+v, want exported to balikan.xlsx", got)
	}
	if got.NIK != "" || got.Values != [8]string{} {
		t.Error("exported record still holds its NIK or values")
	}

	// A late delivery report must not turn an exported record into a delivered one.
	if err := s.MarkDelivered(ctx, ids(claimed), exportedAt); err != nil {
		t.Fatal(err)
	}
	if got := mustRecord(t, s, "k1"); got.State != Exported {
		t.Errorf("MarkDelivered changed an exported record to %s", got.State)
	}
	if n, _ := s.RecoverSending(ctx); n != 0 {
		t.Errorf("RecoverSending moved %d exported records, want 0", n)
	}
}

func TestReleaseExportReturnsRecords(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	enqueue(t, s, record("k1", nikA))
	claimed, _ := s.ClaimExport(ctx)

	if err := s.ReleaseExport(ctx, ids(claimed)); err != nil {
		t.Fatal(err)
	}
	got := mustRecord(t, s, "k1")
	if got.State != Pending || got.Attempts != 0 || got.NIK != nikA {
		t.Errorf("record after ReleaseExport = state %s, attempts %d; want pending, 0, NIK kept", got.State, got.Attempts)
	}
}

func TestQueueStats(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	for i := 0; i < 5; i++ {
		enqueue(t, s, record(fmt.Sprintf("k%d", i), fmt.Sprintf("99990101010000%02d", i+1)))
	}
	first, _ := s.ClaimBatch(ctx, 2, enqueuedAt)
	lastDelivery := enqueuedAt.Add(5 * time.Minute)
	s.MarkDelivered(ctx, ids(first[:1]), enqueuedAt.Add(time.Minute))
	s.MarkDelivered(ctx, ids(first[1:]), lastDelivery)
	s.ClaimBatch(ctx, 1, enqueuedAt)

	stats, err := s.QueueStats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := QueueStats{Pending: 2, Sending: 1, Delivered: 2, LastDelivery: lastDelivery}
	if stats != want {
		t.Errorf("QueueStats = %+v, want %+v", stats, want)
	}
}

// After delivery and a checkpoint, the NIK and the values must be gone from
// every file of the database, not only from query results.
func TestDeliveredNIKGoneFromFiles(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	const marker = "SEKOLAH PENANDA UJI"
	b := record("k1", nikA)
	b.Values[5] = marker
	enqueue(t, s, b)
	// A second record keeps the page in use, so the test does not pass only
	// because SQLite dropped a whole empty page.
	enqueue(t, s, record("k2", nikB))

	if !filesContain(t, s.Path(), nikA) {
		t.Fatal("the queued NIK was not found in the database files; the scan cannot see stored values")
	}

	batch, _ := s.ClaimBatch(ctx, 1, enqueuedAt)
	if err := s.MarkDelivered(ctx, ids(batch), enqueuedAt); err != nil {
		t.Fatal(err)
	}
	if filesContain(t, s.Path(), nikA) {
		t.Error("the delivered NIK is still in the database files")
	}
	if filesContain(t, s.Path(), marker) {
		t.Error("a delivered balikan value is still in the database files")
	}
	if !filesContain(t, s.Path(), nikB) {
		t.Error("the NIK of the record still pending was erased too")
	}
}

// filesContain reports whether the database file or its -wal or -shm file
// contains text.
func filesContain(t *testing.T, path, text string) bool {
	t.Helper()
	found := false
	for _, name := range []string{path, path + "-wal", path + "-shm"} {
		data, err := os.ReadFile(name)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(data, []byte(text)) {
			found = true
		}
	}
	return found
}

func keys(records []QueuedBalikan) []string {
	var out []string
	for _, b := range records {
		out = append(out, b.Key)
	}
	return out
}

func ids(records []QueuedBalikan) []int64 {
	var out []int64
	for _, b := range records {
		out = append(out, b.ID)
	}
	return out
}
