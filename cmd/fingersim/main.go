// Command fingersim is the simulated fingerprint helper for tests and
// "kiosk demo --reader pcsc". It speaks the helper protocol of
// device.HelperMatcher: one JSON request on stdin, one JSON answer on
// stdout. It checks that both templates are base64 ISO/IEC 19794-2
// records ("FMR\0") and answers from a script instead of a sensor.
//
// The script is a comma-separated list of outcomes, one per call:
// match, nomatch, timeout (waits timeout_ms, then answers "timeout"),
// hang (never answers), fail (exits 1 with a reason on stderr) and
// garbage (writes something that is not JSON). With a state file, each
// call takes the next outcome and the last one repeats; without, every
// call takes the first.
package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

type request struct {
	Templates []string `json:"templates"`
	TimeoutMS int64    `json:"timeout_ms"`
}

type answer struct {
	Match  bool   `json:"match"`
	Score  int    `json:"score"`
	Reason string `json:"reason"`
}

func main() {
	script := flag.String("script", envOr("KIOSK_FINGERSIM_SCRIPT", "match"), "comma-separated outcomes, one per call: match, nomatch, timeout, hang, fail, garbage (env KIOSK_FINGERSIM_SCRIPT)")
	state := flag.String("state", os.Getenv("KIOSK_FINGERSIM_STATE"), "file that counts the calls, so each call takes the next outcome (env KIOSK_FINGERSIM_STATE)")
	flag.Parse()

	req, err := readRequest(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "fingersim: invalid request:", err)
		os.Exit(2)
	}
	outcome, err := nextOutcome(*script, *state)
	if err != nil {
		fmt.Fprintln(os.Stderr, "fingersim:", err)
		os.Exit(2)
	}

	switch outcome {
	case "match":
		write(answer{Match: true, Score: 87})
	case "nomatch":
		write(answer{Score: 12, Reason: "minutiae do not match"})
	case "timeout":
		time.Sleep(time.Duration(req.TimeoutMS) * time.Millisecond)
		write(answer{Reason: "timeout"})
	case "hang":
		time.Sleep(24 * time.Hour)
	case "fail":
		fmt.Fprintln(os.Stderr, "fingersim: simulated sensor not connected")
		os.Exit(1)
	case "garbage":
		fmt.Println("sensor says hello")
	default:
		fmt.Fprintf(os.Stderr, "fingersim: unknown outcome %q in the script: use match, nomatch, timeout, hang, fail or garbage\n", outcome)
		os.Exit(2)
	}
}

func envOr(key, fallback string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return fallback
}

func readRequest(r io.Reader) (request, error) {
	var req request
	body, err := io.ReadAll(io.LimitReader(r, 1<<20))
	if err != nil {
		return req, err
	}
	if err := json.Unmarshal(body, &req); err != nil {
		return req, err
	}
	if len(req.Templates) != 2 {
		return req, fmt.Errorf("%d templates, expected 2", len(req.Templates))
	}
	for i, t := range req.Templates {
		raw, err := base64.StdEncoding.DecodeString(t)
		if err != nil {
			return req, fmt.Errorf("template %d is not base64: %w", i+1, err)
		}
		if !bytes.HasPrefix(raw, []byte("FMR\x00")) {
			return req, fmt.Errorf("template %d is not an ISO/IEC 19794-2 record (no FMR header)", i+1)
		}
	}
	if req.TimeoutMS < 0 {
		return req, errors.New("negative timeout_ms")
	}
	return req, nil
}

// nextOutcome picks this call's outcome and counts the call in the state
// file, when there is one.
func nextOutcome(script, state string) (string, error) {
	outcomes := strings.Split(script, ",")
	if state == "" {
		return strings.TrimSpace(outcomes[0]), nil
	}

	calls := 0
	if b, err := os.ReadFile(state); err == nil {
		calls, _ = strconv.Atoi(strings.TrimSpace(string(b)))
	} else if !errors.Is(err, os.ErrNotExist) {
		return "", fmt.Errorf("read state file: %w", err)
	}

	tmp := filepath.Join(filepath.Dir(state), "."+filepath.Base(state)+".tmp")
	if err := os.WriteFile(tmp, []byte(strconv.Itoa(calls+1)), 0o600); err != nil {
		return "", fmt.Errorf("write state file: %w", err)
	}
	if err := os.Rename(tmp, state); err != nil {
		return "", fmt.Errorf("write state file: %w", err)
	}
	return strings.TrimSpace(outcomes[min(calls, len(outcomes)-1)]), nil
}

func write(a answer) {
	json.NewEncoder(os.Stdout).Encode(a)
}
