package client_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/disdikbud/kiosk/client"
	"github.com/disdikbud/kiosk/client/dukcapiltest"
	"github.com/disdikbud/kiosk/store"
)

func openStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "kiosk.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestQuotaGuardReleasesUnsentHit(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	fake := dukcapiltest.NewServer()
	c := newClient(t, fake, nil)
	fake.Close() // every call is now refused at connect: it never leaves the kiosk

	guard := client.NewQuotaGuard(c, st, 1000, nil)
	nik := residentByStatus(t, dukcapiltest.StatusFound).NIK
	_, err := guard.Lookup(ctx, "OP01", nik)
	if !client.NeverSent(err) {
		t.Fatalf("lookup to a closed port: %v, want a never-sent error", err)
	}
	if used, _ := st.HitsOn(ctx, time.Now()); used != 0 {
		t.Errorf("hits after a call that never left: %d, want 0", used)
	}
	if st := guard.Status(); st.Used != 0 {
		t.Errorf("guard status Used = %d, want 0", st.Used)
	}
}

func TestQuotaGuardKeepsHitOfDroppedCall(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	fake := dukcapiltest.NewServer()
	defer fake.Close()
	fake.SetFault(dukcapiltest.FaultDrop, 1) // the request arrives, the reply does not

	guard := client.NewQuotaGuard(newClient(t, fake, nil), st, 1000, nil)
	nik := residentByStatus(t, dukcapiltest.StatusFound).NIK
	if _, err := guard.Lookup(ctx, "OP01", nik); err == nil || client.NeverSent(err) {
		t.Fatalf("dropped call: %v, want an error that may have reached the gateway", err)
	}
	if used, _ := st.HitsOn(ctx, time.Now()); used != 1 {
		t.Errorf("hits after a call the gateway received: %d, want 1", used)
	}
}
