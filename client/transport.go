package client

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"sync/atomic"
	"time"
)

// maxReplyBytes bounds a reply body. A CALL_NIK reply is about 2 KB.
const maxReplyBytes = 1 << 20

// retryDelay is the pause before the one retry of a request that never
// left the kiosk.
const retryDelay = 250 * time.Millisecond

// newHTTPClient builds the HTTP client for one endpoint. It never uses a
// proxy from the environment, because the gateway is on the closed network
// and the body carries the credentials, and it never follows a redirect.
func newHTTPClient(cfg Config, target *url.URL) (*http.Client, error) {
	tlsConfig := &tls.Config{MinVersion: tls.VersionTLS12}
	if cfg.CAFile != "" {
		pool, err := loadCAFile(cfg.CAFile)
		if err != nil {
			return nil, err
		}
		tlsConfig.RootCAs = pool
	}
	if cfg.InsecureSkipVerifyForBareIP && isBareIP(target) {
		tlsConfig.InsecureSkipVerify = true
	}

	dialer := &net.Dialer{Timeout: cfg.ConnectTimeout, KeepAlive: 30 * time.Second}
	transport := &http.Transport{
		Proxy:               nil,
		DialContext:         dialer.DialContext,
		TLSClientConfig:     tlsConfig,
		TLSHandshakeTimeout: cfg.ConnectTimeout,
		MaxIdleConns:        4,
		MaxIdleConnsPerHost: 4,
		IdleConnTimeout:     90 * time.Second,
	}
	return &http.Client{
		Transport: transport,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}, nil
}

// exchange is one POST and its reply.
type exchange struct {
	method   string // wire method name for errors and logs
	url      string
	body     []byte
	bearer   string // Authorization token, empty for the gateway methods
	status   int
	reply    []byte
	attempts int
}

// post sends ex.body and reads the reply, retrying once when the first
// attempt surely never reached the server.
func (c *HTTPClient) post(ctx context.Context, hc *http.Client, ex *exchange) error {
	err := c.attempt(ctx, hc, ex)
	if err == nil || !NeverSent(err) || ctx.Err() != nil {
		return err
	}

	c.log.LogAttrs(ctx, slogWarn, "gateway request not sent, retrying once",
		methodAttr(ex.method), errorAttr(err))
	select {
	case <-time.After(retryDelay):
	case <-ctx.Done():
		return err
	}
	return c.attempt(ctx, hc, ex)
}

func (c *HTTPClient) attempt(ctx context.Context, hc *http.Client, ex *exchange) error {
	ex.attempts++
	ctx, cancel := context.WithTimeout(ctx, c.cfg.CallTimeout)
	defer cancel()

	trace := newConnTrace()
	req, err := http.NewRequestWithContext(httptrace.WithClientTrace(ctx, &trace.hooks), http.MethodPost, ex.url, bytes.NewReader(ex.body))
	if err != nil {
		return &CallError{Method: ex.method, Outcome: OutcomeUnknown, NeverSent: true, Err: err}
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	if ex.bearer != "" {
		req.Header.Set("Authorization", "Bearer "+ex.bearer)
	}

	resp, err := hc.Do(req)
	if err != nil {
		return transportError(ex.method, err, !trace.connected.Load())
	}
	defer resp.Body.Close()

	ex.status = resp.StatusCode
	releaseReply(ex.reply)
	ex.reply, err = readReply(resp.Body, resp.ContentLength)
	if err != nil {
		return transportError(ex.method, err, false)
	}
	return nil
}

// connTrace records whether an attempt got a connection. GotConn fires
// once a connection (and its TLS handshake) is ready and before any byte of
// the request is written. Without it, no byte of the request left the kiosk.
type connTrace struct {
	hooks     httptrace.ClientTrace
	connected atomic.Bool
}

func newConnTrace() *connTrace {
	t := new(connTrace)
	t.hooks.GotConn = t.gotConn
	return t
}

func (t *connTrace) gotConn(httptrace.GotConnInfo) { t.connected.Store(true) }

// transportError classifies a failed exchange. A connection that was never
// established means NetworkDown and NeverSent, whatever the cause (refused,
// DNS, no route, connect timeout, TLS handshake).
func transportError(method string, err error, neverConnected bool) error {
	outcome := NetworkDown
	switch {
	case neverConnected:
	case errors.Is(err, errReplyTooLarge):
		outcome = Malformed
	case errors.Is(err, context.Canceled):
		outcome = OutcomeUnknown
	case isTimeout(err):
		outcome = Timeout
	}
	return &CallError{Method: method, Outcome: outcome, NeverSent: neverConnected, Err: err}
}

func isTimeout(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	var netErr net.Error
	return errors.As(err, &netErr) && netErr.Timeout()
}

var errReplyTooLarge = fmt.Errorf("%w: the reply is larger than %d bytes", errMalformed, maxReplyBytes)
