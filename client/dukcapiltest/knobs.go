package dukcapiltest

import (
	"slices"
	"time"
)

// Fault is a failure the fake injects instead of a normal reply. The fake
// still reads and processes the request (a hit is counted), as a gateway
// that fails after its work would.
type Fault int

const (
	FaultNone      Fault = iota
	FaultDrop            // read the request, then reset the connection without a reply
	FaultHTTP500         // HTTP 500 with an HTML body
	FaultMalformed       // HTTP 200 with a body that is not JSON
	FaultTruncated       // HTTP 200 with the JSON reply cut in half
)

// ReplyStyle is the format of the error object in content[0].
type ReplyStyle int

const (
	StyleCode     ReplyStyle = iota // RESPONSE_CODE and RESPONSE_DESC, as newer gateways do
	StyleRespon                     // RESPON with the text only
	StyleResponse                   // RESPONSE with the text only
)

type forcedReply struct {
	calls int
	code  string
	text  string
}

// SetLatency delays every later reply by d.
func (s *Server) SetLatency(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.latency = d
}

// SetFault injects f into the next calls requests of any endpoint, or into
// every request until SetFault(FaultNone, 0) when calls is 0.
func (s *Server) SetFault(f Fault, calls int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fault, s.faultCalls = f, calls
}

// FailNext makes the fake reply to the next calls gateway requests with
// an error object of code and text. An empty text takes the usual text of the code;
// an empty code sends the text alone. Credentials and quota are not
// checked for these requests.
func (s *Server) FailNext(calls int, code, text string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if text == "" {
		text = codeTexts[code]
	}
	s.forced = append(s.forced, forcedReply{calls: calls, code: code, text: text})
}

// SetQuota sets the daily hit limit and starts the count again at zero.
func (s *Server) SetQuota(limit int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.quota, s.quotaUsed = limit, 0
}

// HitsUsed returns the hits the fake counted today.
func (s *Server) HitsUsed() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.quotaUsed
}

// SetQuotaLimiter turns the quotaLimiter field of replies on or off.
func (s *Server) SetQuotaLimiter(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.quotaLimiter = on
}

// SetReplyStyle chooses how later error objects are written.
func (s *Server) SetReplyStyle(style ReplyStyle) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.style = style
}

// SetLegacyRequestKeys is WithLegacyRequestKeys for a running server.
func (s *Server) SetLegacyRequestKeys(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.legacyKeys = on
}

// SetLowerCaseReplyKeys is WithLowerCaseReplyKeys for a running server.
func (s *Server) SetLowerCaseReplyKeys(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lowerCaseKeys = on
}

// Calls returns the requests received so far, oldest first.
func (s *Server) Calls() []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.calls)
}

// Batches returns the balikan batches received so far, oldest first,
// including rejected ones.
func (s *Server) Batches() []BalikanBatch {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.batches)
}

func (s *Server) record(call Call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls = append(s.calls, call)
}

// takeFault returns the fault for this request and counts it down.
func (s *Server) takeFault() Fault {
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.fault
	if f != FaultNone && s.faultCalls > 0 {
		s.faultCalls--
		if s.faultCalls == 0 {
			s.fault = FaultNone
		}
	}
	return f
}

// takeForced returns the forced reply for this request, if any.
func (s *Server) takeForced() (forcedReply, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.forced) == 0 {
		return forcedReply{}, false
	}
	f := s.forced[0]
	s.forced[0].calls--
	if s.forced[0].calls <= 0 {
		s.forced = s.forced[1:]
	}
	return f, true
}

// takeHit counts one hit, or reports false when today's quota is used up.
// It returns the hits left after this one.
func (s *Server) takeHit(now time.Time) (remaining int, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
	if !day.Equal(s.quotaDay) {
		s.quotaDay, s.quotaUsed = day, 0
	}
	if s.quotaUsed >= s.quota {
		return 0, false
	}
	s.quotaUsed++
	return s.quota - s.quotaUsed, true
}

func (s *Server) settings() (latency time.Duration, style ReplyStyle, legacy, lowerCase, limiter bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.latency, s.style, s.legacyKeys, s.lowerCaseKeys, s.quotaLimiter
}
