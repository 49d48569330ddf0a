package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Wire names of the methods, as they appear in the URL and in errors.
const (
	MethodLookup  = "CALL_NIK"
	MethodVerify  = "CALL_VERIFY_BY_ELEMEN"
	MethodBalikan = "BALIKAN"
)

// HTTPClient is the Gateway over HTTP(S). It is safe for concurrent use.
type HTTPClient struct {
	cfg       Config
	log       *slog.Logger
	gateway   *http.Client
	store     *http.Client
	lookupURL string
	verifyURL string

	// lookupTail is the CALL_NIK body after the NIK's value: the
	// credentials, encoded once by New.
	lookupTail []byte
}

var _ Gateway = (*HTTPClient)(nil)

// New validates cfg, fills in the defaults and builds the client. The
// error lists every invalid key with its fix.
func New(cfg Config) (*HTTPClient, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	cfg = cfg.withDefaults()

	base, _ := url.Parse(cfg.BaseURL)
	gateway, err := newHTTPClient(cfg, base)
	if err != nil {
		return nil, err
	}
	store := gateway
	if cfg.StoreURL != "" {
		storeURL, _ := url.Parse(cfg.StoreURL)
		if store, err = newHTTPClient(cfg, storeURL); err != nil {
			return nil, err
		}
	}

	prefix := strings.TrimSuffix(cfg.BaseURL, "/") + "/dukcapil/get_json/" + url.PathEscape(cfg.CustomerID) + "/"
	c := &HTTPClient{
		cfg:       cfg,
		log:       cfg.Logger,
		gateway:   gateway,
		store:     store,
		lookupURL: prefix + MethodLookup,
		verifyURL: prefix + MethodVerify,
	}
	if c.lookupTail, err = c.encodeLookupTail(); err != nil {
		return nil, err
	}
	return c, nil
}

// lookupRequest is the CALL_NIK body, in the key spelling gateways accept
// most widely.
type lookupRequest struct {
	NIK      string `json:"NIK"`
	UserID   string `json:"user_id"`
	Password string `json:"password"`
	IPUser   string `json:"IP_USER"`
}

// lookupBodyStart is the CALL_NIK body up to the NIK's value.
const lookupBodyStart = `{"NIK":"`

// encodeLookupTail encodes the CALL_NIK body with an empty NIK and returns
// what follows the NIK's value, so that lookupBody need not encode the
// credentials on every call.
func (c *HTTPClient) encodeLookupTail() ([]byte, error) {
	body, err := json.Marshal(lookupRequest{UserID: c.cfg.UserID, Password: c.cfg.Password, IPUser: c.cfg.IPUser})
	if err != nil {
		return nil, err
	}
	// json.Marshal writes the fields in declaration order, NIK first.
	return body[len(lookupBodyStart)+1:], nil
}

// lookupBody returns the CALL_NIK body, the same bytes json.Marshal
// produces for lookupRequest.
func (c *HTTPClient) lookupBody(nik string) ([]byte, error) {
	if !isVerbatimJSON(nik) {
		return json.Marshal(lookupRequest{NIK: nik, UserID: c.cfg.UserID, Password: c.cfg.Password, IPUser: c.cfg.IPUser})
	}
	body := make([]byte, 0, len(lookupBodyStart)+len(nik)+1+len(c.lookupTail))
	body = append(body, lookupBodyStart...)
	body = append(body, nik...)
	body = append(body, '"')
	return append(body, c.lookupTail...), nil
}

// isVerbatimJSON reports whether json.Marshal writes s between its quotes
// unchanged: printable ASCII other than the quote, the backslash and the
// characters it escapes for HTML (<, >, &).
func isVerbatimJSON(s string) bool {
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case b < 0x20 || b > 0x7e:
			return false
		case b == '"' || b == '\\' || b == '<' || b == '>' || b == '&':
			return false
		}
	}
	return true
}

// LookupNIK sends CALL_NIK. A reply from the gateway, including an error
// object such as "Data Tidak Ditemukan" or "Login Gagal", returns a nil
// error and its outcome in the result. A *CallError means no usable reply.
func (c *HTTPClient) LookupNIK(ctx context.Context, nik string) (LookupResult, error) {
	body, err := c.lookupBody(nik)
	if err != nil {
		return LookupResult{QuotaRemaining: -1}, err
	}
	ex := &exchange{method: MethodLookup, url: c.lookupURL, body: body}
	defer ex.wipe()

	start := time.Now()
	result, err := c.lookup(ctx, ex)
	c.logCall(ctx, ex, result.Outcome, err, time.Since(start))
	return result, err
}

func (c *HTTPClient) lookup(ctx context.Context, ex *exchange) (LookupResult, error) {
	failed := LookupResult{QuotaRemaining: -1}
	if err := c.post(ctx, c.gateway, ex); err != nil {
		failed.Outcome = OutcomeOf(err)
		return failed, err
	}
	if err := checkStatus(ex); err != nil {
		failed.Outcome = OutcomeOf(err)
		return failed, err
	}

	result, err := decodeLookup(ex.reply)
	if err != nil {
		err = decodeError(ex.method, err)
		failed.Outcome = OutcomeOf(err)
		return failed, err
	}
	return result, nil
}

// checkStatus turns a status other than 200 from a gateway method into a
// CallError. Business errors come as 200 with an error object.
func checkStatus(ex *exchange) error {
	if ex.status == 200 {
		return nil
	}
	return &CallError{
		Method:  ex.method,
		Outcome: GatewayError,
		Err:     fmt.Errorf("HTTP status %d, expected 200: check the gateway's health and base_url", ex.status),
	}
}

// decodeError wraps a decoding failure. Unknown codes and texts keep
// OutcomeUnknown, everything else is Malformed.
func decodeError(method string, err error) error {
	outcome := Malformed
	var unknown *unknownStatusError
	if errors.As(err, &unknown) {
		outcome = OutcomeUnknown
	}
	return &CallError{Method: method, Outcome: outcome, Err: err}
}

// wipe zeroes the request body (credentials, NIK) and the reply body
// (population data) once the exchange is over.
func (ex *exchange) wipe() {
	clear(ex.body)
	releaseReply(ex.reply)
	ex.reply = nil
}

// logCall records one call: method, outcome, duration, HTTP status and
// attempts, never the NIK, a record field or a credential.
func (c *HTTPClient) logCall(ctx context.Context, ex *exchange, outcome Outcome, err error, took time.Duration) {
	level := slog.LevelInfo
	if err != nil {
		level = slogWarn
	}
	if !c.log.Enabled(ctx, level) {
		return
	}

	attrs := [7]slog.Attr{
		methodAttr(ex.method),
		slog.String("outcome", outcome.String()),
		slog.Duration("duration", took),
		slog.Int("http_status", ex.status),
		slog.Int("attempts", ex.attempts),
	}
	n := 5
	if err != nil {
		attrs[5] = slog.Bool("never_sent", NeverSent(err))
		attrs[6] = errorAttr(err)
		n = 7
	}
	c.log.LogAttrs(ctx, level, "gateway call", attrs[:n]...)
}

const slogWarn = slog.LevelWarn

func methodAttr(method string) slog.Attr { return slog.String("method", method) }

// errorAttr logs an error of this package. Their texts never contain a
// NIK, a record field or a credential.
func errorAttr(err error) slog.Attr { return slog.String("error", err.Error()) }
