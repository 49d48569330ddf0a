package client_test

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/disdikbud/kiosk/client"
	"github.com/disdikbud/kiosk/client/dukcapiltest"
)

func balikanItems() []client.BalikanItem {
	return []client.BalikanItem{
		{NIK: "3313042307120002", Params: []client.Param{
			{Key: "NO_IJAZAH", Value: "DN-03/D-SD/13/0012345"},
			{Key: "NAMA_SEKOLAH", Value: "SD NEGERI CONTOH 1"},
			{Key: "AKREDITASI", Value: "A"},
		}},
		{NIK: "3313065108130009", Params: []client.Param{
			{Key: "KET_BEASISWA", Value: "TIDAK"},
		}},
	}
}

func TestDeliverBalikan(t *testing.T) {
	fake := dukcapiltest.NewServer()
	defer fake.Close()
	c := newClient(t, fake, nil)

	if err := c.DeliverBalikan(context.Background(), balikanItems()); err != nil {
		t.Fatalf("DeliverBalikan: %v", err)
	}
	batches := fake.Batches()
	if len(batches) != 1 {
		t.Fatalf("the fake received %d batches, want 1", len(batches))
	}
	batch := batches[0]
	if batch.LembagaID != dukcapiltest.LembagaID || batch.LembagaName != dukcapiltest.LembagaName {
		t.Errorf("lembaga = %q %q, want the configured ones", batch.LembagaID, batch.LembagaName)
	}
	want := []dukcapiltest.BalikanData{
		{NIK: "3313042307120002", Params: []dukcapiltest.Param{
			{Key: "NO_IJAZAH", Value: "DN-03/D-SD/13/0012345"},
			{Key: "NAMA_SEKOLAH", Value: "SD NEGERI CONTOH 1"},
			{Key: "AKREDITASI", Value: "A"},
		}},
		{NIK: "3313065108130009", Params: []dukcapiltest.Param{{Key: "KET_BEASISWA", Value: "TIDAK"}}},
	}
	if !reflect.DeepEqual(batch.Data, want) {
		t.Errorf("data = %+v, want %+v in order", batch.Data, want)
	}
	if batch.Status != 200 {
		t.Errorf("the fake answered %d, want 200", batch.Status)
	}

	// The same batch again is "Data sudah pernah dikirim": delivered.
	if err := c.DeliverBalikan(context.Background(), balikanItems()); err != nil {
		t.Errorf("a repeated batch: %v, want nil", err)
	}
	if got := fake.Batches()[1].Status; got != 400 {
		t.Errorf("the fake answered %d to the repeat, want 400", got)
	}
}

func TestDeliverBalikanFailures(t *testing.T) {
	fake := dukcapiltest.NewServer()
	defer fake.Close()

	cfg := fake.ClientConfig()
	cfg.StoreToken = "wrong-token"
	wrongToken, err := client.New(cfg)
	if err != nil {
		t.Fatalf("client.New: %v", err)
	}
	err = wrongToken.DeliverBalikan(context.Background(), balikanItems())
	var callErr *client.CallError
	if !errors.As(err, &callErr) || callErr.Outcome != client.LoginFailed {
		t.Errorf("wrong token: %v, want a CallError with login_failed", err)
	}

	c := newClient(t, fake, nil)
	faults := map[dukcapiltest.Fault]client.Outcome{
		dukcapiltest.FaultHTTP500:   client.GatewayError,
		dukcapiltest.FaultMalformed: client.Malformed,
		dukcapiltest.FaultDrop:      client.NetworkDown,
	}
	for fault, want := range faults {
		fake.SetFault(fault, 1)
		err := c.DeliverBalikan(context.Background(), balikanItems())
		if got := client.OutcomeOf(err); err == nil || got != want {
			t.Errorf("fault %d: %v (%s), want %s", fault, err, got, want)
		}
		if client.NeverSent(err) {
			t.Errorf("fault %d: NeverSent is true after the request reached the fake", fault)
		}
	}

	if err := c.DeliverBalikan(context.Background(), nil); err != nil {
		t.Errorf("an empty batch: %v, want nil without a request", err)
	}
}

func TestDeliverBalikanNotConfigured(t *testing.T) {
	fake := dukcapiltest.NewServer()
	defer fake.Close()
	cfg := fake.ClientConfig()
	cfg.StoreURL = ""
	c, err := client.New(cfg)
	if err != nil {
		t.Fatalf("client.New: %v", err)
	}
	if err := c.DeliverBalikan(context.Background(), balikanItems()); err == nil {
		t.Error("DeliverBalikan without store_url returned nil")
	}
}
