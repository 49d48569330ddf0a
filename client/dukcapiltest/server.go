// Package dukcapiltest is a fake Dukcapil gateway for tests and for
// `kiosk demo`, in the spirit of net/http/httptest. It serves CALL_NIK,
// CALL_VERIFY_BY_ELEMEN and the balikan endpoint on loopback, replies for
// a fixed set of made-up residents, and has knobs for the faults and reply
// variants the real gateways show.
package dukcapiltest

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"time"

	"github.com/disdikbud/kiosk/client"
)

// Made-up credentials the fake accepts. Any other user ID or password gets
// "Login Gagal" (code 03), any other IP_USER "IP Address Tidak Sesuai" (04).
const (
	CustomerID  = "KIOSK-DEMO"
	UserID      = "kiosk.demo"
	Password    = "demo-password-not-real"
	IPUser      = "127.0.0.1"
	StoreToken  = "demo-store-token-not-real"
	LembagaID   = "DEMO-DISDIKBUD-3313"
	LembagaName = "DISDIKBUD KABUPATEN CONTOH (DEMO)"
)

// DefaultQuota is the fake's daily hit limit unless WithQuota sets another.
const DefaultQuota = 1000

// StorePath is the balikan endpoint's path on the fake.
const StorePath = "/balikan"

// Server is a running fake gateway. Its setters are safe for concurrent
// use with requests in flight.
type Server struct {
	URL  string           // base URL, e.g. http://127.0.0.1:41234
	HTTP *httptest.Server // the underlying server, for TLS set-up before Start

	residents map[string]loadedEntry // by NIK

	mu            sync.Mutex
	latency       time.Duration
	fault         Fault
	faultCalls    int // calls left for fault; 0 means until cleared
	forced        []forcedReply
	quota         int
	quotaUsed     int
	quotaDay      time.Time
	quotaLimiter  bool
	style         ReplyStyle
	legacyKeys    bool
	lowerCaseKeys bool
	calls         []Call
	batches       []BalikanBatch
	delivered     map[string]bool // NIK + "\x00" + param key
}

// Call is one gateway request the fake received, recorded for tests.
type Call struct {
	Method string // CALL_NIK, CALL_VERIFY_BY_ELEMEN or BALIKAN
	NIK    string // empty for BALIKAN and for requests without one
	Time   time.Time
}

// Option sets up a server before it starts.
type Option func(*Server)

// WithLatency delays every reply by d.
func WithLatency(d time.Duration) Option { return func(s *Server) { s.latency = d } }

// WithQuota sets the daily hit limit.
func WithQuota(limit int) Option { return func(s *Server) { s.quota = limit } }

// WithQuotaLimiter turns the quotaLimiter field of replies on (the
// default, as newer gateways do) or off (older gateways).
func WithQuotaLimiter(on bool) Option { return func(s *Server) { s.quotaLimiter = on } }

// WithReplyStyle chooses how error objects are written.
func WithReplyStyle(style ReplyStyle) Option { return func(s *Server) { s.style = style } }

// WithLegacyRequestKeys makes the fake accept the older request keys
// (nik, ip_user, ip_address, lower-case verify keys) besides the current
// ones. Without it only the keys the kiosk must send are accepted.
func WithLegacyRequestKeys(on bool) Option { return func(s *Server) { s.legacyKeys = on } }

// WithLowerCaseReplyKeys writes record keys in lower case, as some older
// gateways do.
func WithLowerCaseReplyKeys(on bool) Option { return func(s *Server) { s.lowerCaseKeys = on } }

// NewServer starts a fake gateway on a loopback port. Close it when done.
func NewServer(opts ...Option) *Server {
	s := NewUnstartedServer(opts...)
	s.Start()
	return s
}

// NewUnstartedServer returns a fake that is not yet listening, so that a
// test can set s.HTTP.TLS before calling StartTLS.
func NewUnstartedServer(opts ...Option) *Server {
	s := &Server{
		quota:        DefaultQuota,
		quotaLimiter: true,
		delivered:    make(map[string]bool),
		residents:    make(map[string]loadedEntry),
	}
	for _, e := range loadEntries() {
		s.residents[e.resident.NIK] = e
	}
	for _, opt := range opts {
		opt(s)
	}
	s.HTTP = httptest.NewUnstartedServer(s.routes())
	return s
}

// Start starts a server from NewUnstartedServer over plain HTTP.
func (s *Server) Start() {
	s.HTTP.Start()
	s.URL = s.HTTP.URL
}

// StartTLS starts a server from NewUnstartedServer over TLS, with
// s.HTTP.TLS if set, or httptest's own certificate otherwise.
func (s *Server) StartTLS() {
	s.HTTP.StartTLS()
	s.URL = s.HTTP.URL
}

// Start runs a fake gateway on addr, which must be a loopback address such
// as 127.0.0.1:8089 (port 0 picks a free one). `kiosk demo` uses it.
func Start(addr string, opts ...Option) (*Server, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("fake gateway address %q is invalid (%v): write it as 127.0.0.1:port", addr, err)
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return nil, fmt.Errorf("fake gateway address %q is not on loopback: use 127.0.0.1:port", addr)
	}
	listener, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("fake gateway cannot listen on %s (%v): choose a free port", addr, err)
	}

	s := NewUnstartedServer(opts...)
	s.HTTP.Listener.Close()
	s.HTTP.Listener = listener
	s.Start()
	return s, nil
}

// Close stops the server and waits for requests in flight.
func (s *Server) Close() { s.HTTP.Close() }

// StoreURL returns the balikan endpoint's URL.
func (s *Server) StoreURL() string { return s.URL + StorePath }

// ClientConfig returns a client configuration with the fake's address and
// credentials filled in.
func (s *Server) ClientConfig() client.Config {
	return client.Config{
		BaseURL:     s.URL,
		CustomerID:  CustomerID,
		UserID:      UserID,
		Password:    Password,
		IPUser:      IPUser,
		StoreURL:    s.StoreURL(),
		StoreToken:  StoreToken,
		LembagaID:   LembagaID,
		LembagaName: LembagaName,
	}
}

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /dukcapil/get_json/{customer}/{method}", s.serveGateway)
	mux.HandleFunc("POST "+StorePath, s.serveBalikan)
	return mux
}
