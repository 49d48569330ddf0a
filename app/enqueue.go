package app

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"

	"github.com/disdikbud/kiosk/ppdb"
	"github.com/disdikbud/kiosk/store"
)

// enqueue normalises, validates and queues one balikan record under a new
// random idempotency key.
func enqueue(ctx context.Context, st *store.Store, rec ppdb.Balikan, operator string) (int64, error) {
	rec = rec.Normalize()
	if errs := rec.Validate(); len(errs) > 0 {
		joined := make([]error, len(errs))
		for i, e := range errs {
			joined[i] = e
		}
		return 0, errors.Join(joined...)
	}
	var key [16]byte
	if _, err := rand.Read(key[:]); err != nil {
		return 0, err
	}
	q := store.QueuedBalikan{Key: hex.EncodeToString(key[:]), NIK: rec.NIK, Operator: operator}
	for i, f := range ppdb.BalikanFields {
		q.Values[i] = rec.Get(f)
	}
	return st.Enqueue(ctx, q)
}
