package device

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// HelperMatcher is a Matcher that runs a configured helper program for
// each attempt, usually a wrapper around the reader vendor's fingerprint
// SDK. The helper reads one JSON request on stdin,
//
//	{"templates":["<base64>","<base64>"],"timeout_ms":15000}
//
// captures the live finger, matches it against the templates (first, then
// second) and writes one JSON response on stdout:
//
//	{"match":true,"score":87,"reason":""}
//
// A non-match with reason "timeout" means that no finger was placed in
// time. A helper that exits non-zero reports its reason on stderr.
type HelperMatcher struct {
	path    string
	args    []string
	timeout time.Duration
}

// helperGrace is how long the helper may run past its capture timeout to
// respond before it is killed.
const helperGrace = 2 * time.Second

// maxHelperOutput bounds what is read from the helper's stdout and stderr.
const maxHelperOutput = 64 << 10

// NewHelperMatcher returns a matcher that runs path with args. timeout is
// the capture time passed to the helper; the helper is killed when it has
// not responded within timeout plus two seconds.
func NewHelperMatcher(path string, args []string, timeout time.Duration) *HelperMatcher {
	return &HelperMatcher{path: path, args: args, timeout: timeout}
}

type helperResponse struct {
	Match  *bool  `json:"match"`
	Score  int    `json:"score"`
	Reason string `json:"reason"`
}

// Match runs the helper once. It returns ErrFingerTimeout when no finger
// was placed in time and ErrFingerUnavailable when the helper cannot be
// started, fails or writes something other than the JSON above.
func (m *HelperMatcher) Match(ctx context.Context, templates [2][]byte) (MatchResult, error) {
	request := helperRequest(templates, m.timeout)
	defer clear(request)

	runCtx, cancel := context.WithTimeout(ctx, clampTimeout(m.timeout)+helperGrace)
	defer cancel()
	cmd := exec.CommandContext(runCtx, m.path, m.args...)
	cmd.WaitDelay = time.Second
	cmd.Stdin = bytes.NewReader(request)
	var stdout, stderr cappedBuffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr

	err := cmd.Run()
	switch {
	case err == nil:
		return parseHelperResponse(stdout.Bytes())
	case errors.Is(ctx.Err(), context.Canceled):
		return MatchResult{}, fmt.Errorf("fingerprint helper: %w", ctx.Err())
	case runCtx.Err() != nil:
		return MatchResult{}, fmt.Errorf("fingerprint helper did not respond within %v: %w", m.timeout+helperGrace, ErrFingerTimeout)
	}
	return MatchResult{}, fmt.Errorf("fingerprint helper %s failed: %v: %s (check the fingerprint helper setting and the sensor): %w",
		m.path, err, lastLine(stderr.Bytes()), ErrFingerUnavailable)
}

// helperRequest builds the request by hand into one buffer, so the caller
// can zero the base64 copies of the templates.
func helperRequest(templates [2][]byte, timeout time.Duration) []byte {
	out := []byte(`{"templates":["`)
	out = base64.StdEncoding.AppendEncode(out, templates[0])
	out = append(out, `","`...)
	out = base64.StdEncoding.AppendEncode(out, templates[1])
	out = append(out, `"],"timeout_ms":`...)
	out = strconv.AppendInt(out, clampTimeout(timeout).Milliseconds(), 10)
	return append(out, "}\n"...)
}

func parseHelperResponse(out []byte) (MatchResult, error) {
	var a helperResponse
	dec := json.NewDecoder(bytes.NewReader(out))
	if err := dec.Decode(&a); err != nil || a.Match == nil {
		return MatchResult{}, fmt.Errorf("fingerprint helper wrote an invalid response %q, expected JSON with a match field (check the helper program): %w",
			truncate(lastLine(out), 80), ErrFingerUnavailable)
	}
	if !*a.Match && a.Reason == "timeout" {
		return MatchResult{}, fmt.Errorf("fingerprint helper: %w", ErrFingerTimeout)
	}
	return MatchResult{Matched: *a.Match, Score: a.Score, Reason: a.Reason}, nil
}

// cappedBuffer keeps the first maxHelperOutput bytes written to it and
// drops the rest, so a runaway helper cannot fill memory.
type cappedBuffer struct{ bytes.Buffer }

func (b *cappedBuffer) Write(p []byte) (int, error) {
	if room := maxHelperOutput - b.Len(); room > 0 {
		b.Buffer.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

func lastLine(b []byte) string {
	s := strings.TrimSpace(string(b))
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		s = s[i+1:]
	}
	return truncate(s, 200)
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}
