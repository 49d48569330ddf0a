// Package outbox takes validated balikan records into the durable queue of
// package store, delivers them to the Dukcapil balikan endpoint in batches,
// and exports them to XLSX or CSV files when the endpoint is unavailable.
package outbox

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"github.com/disdikbud/kiosk/ppdb"
	"github.com/disdikbud/kiosk/store"
)

// ValidationError lists the invalid fields of a balikan record, in form
// order, so the entry form can show each problem beside its field. It
// contains no value of the record.
type ValidationError struct {
	Problems []ppdb.BalikanError
}

func (e *ValidationError) Error() string {
	parts := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		parts[i] = p.Field.DefaultParamKey() + " " + string(p.Problem)
	}
	return fmt.Sprintf("invalid balikan record: %s; correct the fields and submit again", strings.Join(parts, ", "))
}

// Unwrap returns the field errors, for errors.As on ppdb.BalikanError.
func (e *ValidationError) Unwrap() []error {
	errs := make([]error, len(e.Problems))
	for i, p := range e.Problems {
		errs[i] = p
	}
	return errs
}

// NewKey returns a random 128-bit idempotency key in hex.
func NewKey() string {
	var b [16]byte
	rand.Read(b[:]) // crypto/rand.Read never returns an error
	return hex.EncodeToString(b[:])
}

// Enqueue normalises and validates b, then queues it under a new
// idempotency key for operator. The record is on disk when Enqueue returns
// its ID. Invalid fields return a *ValidationError and an invalid NIK a
// *ppdb.NIKError; nothing is queued then.
func Enqueue(ctx context.Context, st *store.Store, b ppdb.Balikan, operator string) (int64, error) {
	return EnqueueKey(ctx, st, b, operator, NewKey())
}

// EnqueueKey is Enqueue with the caller's idempotency key: a form that
// keeps one key per registration can submit twice and still queue one
// record.
func EnqueueKey(ctx context.Context, st *store.Store, b ppdb.Balikan, operator, key string) (int64, error) {
	if operator == "" {
		return 0, errors.New("enqueue balikan: no operator signed in")
	}
	b = b.Normalize()
	if _, err := ppdb.ParseNIK(b.NIK); err != nil {
		return 0, fmt.Errorf("enqueue balikan: %w", err)
	}
	if problems := b.Validate(); len(problems) > 0 {
		return 0, &ValidationError{Problems: problems}
	}

	record := store.QueuedBalikan{Key: key, NIK: b.NIK, Operator: operator}
	for i, f := range ppdb.BalikanFields {
		record.Values[i] = b.Get(f)
	}
	return st.Enqueue(ctx, record)
}
