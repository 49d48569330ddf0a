package client

import (
	"context"
	"errors"
	"sync"
)

// Session is the gateway as one registration uses it: a NIK looked up
// once is served from memory for the rest of the registration, so the
// same NIK never costs two hits. Close wipes what it remembers.
type Session struct {
	guard *QuotaGuard

	mu     sync.Mutex
	closed bool
	seen   map[string]LookupResult
}

// ErrSessionClosed is returned by a Session's calls after Close.
var ErrSessionClosed = errors.New("gateway session is closed: start a new registration")

// NewSession starts the cache of one registration.
func (g *QuotaGuard) NewSession() *Session {
	return &Session{guard: g, seen: make(map[string]LookupResult)}
}

// Lookup returns the earlier result for a NIK the gateway already
// returned in this session, or sends CALL_NIK through the guard. Failed
// calls (a *CallError or a refusal) are not remembered, so the operator
// may try again. Calls of one session run one at a time.
func (s *Session) Lookup(ctx context.Context, operator, nik string) (LookupResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return LookupResult{QuotaRemaining: -1}, ErrSessionClosed
	}
	if result, ok := s.seen[nik]; ok {
		return result, nil
	}

	result, err := s.guard.Lookup(ctx, operator, nik)
	if err == nil {
		s.seen[nik] = result
	}
	return result, err
}

// Verify sends CALL_VERIFY_BY_ELEMEN through the guard. Each call checks
// different claims, so nothing is remembered.
func (s *Session) Verify(ctx context.Context, operator, nik string, elements map[string]string, threshold int) (VerifyResult, error) {
	s.mu.Lock()
	closed := s.closed
	s.mu.Unlock()
	if closed {
		return VerifyResult{QuotaRemaining: -1}, ErrSessionClosed
	}
	return s.guard.Verify(ctx, operator, nik, elements, threshold)
}

// Close wipes every remembered record, including the copies handed out by
// Lookup, which share the *Record. Later calls return an error.
func (s *Session) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for nik, result := range s.seen {
		if result.Record != nil {
			*result.Record = Record{}
		}
		delete(s.seen, nik)
	}
	s.closed = true
}
