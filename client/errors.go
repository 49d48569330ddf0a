package client

import (
	"context"
	"errors"
	"fmt"
)

// ErrQuotaReached is wrapped by the error a QuotaGuard returns when the
// day's hits are used up. The request was not sent.
var ErrQuotaReached = errors.New("daily gateway quota reached")

// CallError is a gateway call that got no usable reply: the network failed,
// the call timed out, the reply was not the contract's JSON, or the HTTP
// status was unexpected. It never contains a NIK, a record field or a
// credential.
type CallError struct {
	Method  string  // CALL_NIK, CALL_VERIFY_BY_ELEMEN or BALIKAN
	Outcome Outcome // Timeout, NetworkDown, Malformed, GatewayError, ...
	// NeverSent is true only when the request surely did not reach the
	// gateway: the connection or TLS handshake failed before a byte of the
	// request was written. Only then is a retry free of a wasted hit.
	NeverSent bool
	Err       error
}

func (e *CallError) Error() string {
	sent := "the request may have reached the gateway"
	if e.NeverSent {
		sent = "the request was not sent"
	}
	return fmt.Sprintf("gateway %s failed (%s, %s): %v", e.Method, e.Outcome, sent, e.Err)
}

func (e *CallError) Unwrap() error { return e.Err }

// OutcomeOf returns the outcome carried by err: the CallError's outcome,
// QuotaExhausted for ErrQuotaReached, Timeout for an expired context, or
// OutcomeUnknown. A nil error returns Found.
func OutcomeOf(err error) Outcome {
	if err == nil {
		return Found
	}

	var ce *CallError
	if errors.As(err, &ce) {
		return ce.Outcome
	}
	if errors.Is(err, ErrQuotaReached) {
		return QuotaExhausted
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return Timeout
	}
	return OutcomeUnknown
}

// NeverSent reports whether err shows that the request surely never
// reached the gateway, so that sending it again cannot cost a second hit. A refusal by
// the QuotaGuard counts as never sent.
func NeverSent(err error) bool {
	var ce *CallError
	if errors.As(err, &ce) {
		return ce.NeverSent
	}
	return errors.Is(err, ErrQuotaReached)
}
