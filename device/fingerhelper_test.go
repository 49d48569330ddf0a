package device_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/disdikbud/kiosk/device"
)

var testTemplates = [2][]byte{[]byte("FMR\x00 20\x00first"), []byte("FMR\x00 20\x00second")}

func TestHelperMatcherOutcomes(t *testing.T) {
	sim := fingersimPath(t)

	t.Run("nomatch then match", func(t *testing.T) {
		state := filepath.Join(t.TempDir(), "calls")
		m := device.NewHelperMatcher(sim, []string{"-script", "nomatch,match", "-state", state}, 5*time.Second)

		first, err := m.Match(context.Background(), testTemplates)
		if err != nil {
			t.Fatalf("first attempt: %v", err)
		}
		if first.Matched || first.Reason == "" {
			t.Errorf("first attempt %+v, want a non-match with a reason", first)
		}
		second, err := m.Match(context.Background(), testTemplates)
		if err != nil {
			t.Fatalf("second attempt: %v", err)
		}
		if !second.Matched || second.Score <= first.Score {
			t.Errorf("second attempt %+v, want a match scoring above %d", second, first.Score)
		}
	})

	t.Run("helper reports timeout", func(t *testing.T) {
		m := device.NewHelperMatcher(sim, []string{"-script", "timeout"}, 50*time.Millisecond)
		_, err := m.Match(context.Background(), testTemplates)
		if !errors.Is(err, device.ErrFingerTimeout) {
			t.Errorf("error %v, want ErrFingerTimeout", err)
		}
	})

	t.Run("helper hangs", func(t *testing.T) {
		m := device.NewHelperMatcher(sim, []string{"-script", "hang"}, 0)
		start := time.Now()
		_, err := m.Match(context.Background(), testTemplates)
		if !errors.Is(err, device.ErrFingerTimeout) {
			t.Errorf("error %v, want ErrFingerTimeout", err)
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("hanging helper stopped after %v, want about 2 s", d)
		}
	})

	t.Run("helper fails", func(t *testing.T) {
		m := device.NewHelperMatcher(sim, []string{"-script", "fail"}, time.Second)
		_, err := m.Match(context.Background(), testTemplates)
		if !errors.Is(err, device.ErrFingerUnavailable) {
			t.Fatalf("error %v, want ErrFingerUnavailable", err)
		}
		if !strings.Contains(err.Error(), "sensor not connected") {
			t.Errorf("error %q does not carry the helper's reason", err)
		}
	})

	t.Run("helper writes garbage", func(t *testing.T) {
		m := device.NewHelperMatcher(sim, []string{"-script", "garbage"}, time.Second)
		_, err := m.Match(context.Background(), testTemplates)
		if !errors.Is(err, device.ErrFingerUnavailable) {
			t.Errorf("error %v, want ErrFingerUnavailable", err)
		}
	})

	t.Run("templates without FMR header", func(t *testing.T) {
		m := device.NewHelperMatcher(sim, nil, time.Second)
		_, err := m.Match(context.Background(), [2][]byte{[]byte("xx"), []byte("yy")})
		if !errors.Is(err, device.ErrFingerUnavailable) {
			t.Fatalf("error %v, want ErrFingerUnavailable", err)
		}
		if !strings.Contains(err.Error(), "no FMR header") {
			t.Errorf("error %q does not say what the helper rejected", err)
		}
	})

	t.Run("cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(100*time.Millisecond, cancel)
		m := device.NewHelperMatcher(sim, []string{"-script", "hang"}, 10*time.Second)
		_, err := m.Match(ctx, testTemplates)
		if !errors.Is(err, context.Canceled) {
			t.Errorf("error %v, want context.Canceled", err)
		}
	})
}

func TestHelperMatcherMissingProgram(t *testing.T) {
	m := device.NewHelperMatcher(filepath.Join(t.TempDir(), "no-such-helper"), nil, time.Second)
	_, err := m.Match(context.Background(), testTemplates)
	if !errors.Is(err, device.ErrFingerUnavailable) {
		t.Errorf("error %v, want ErrFingerUnavailable", err)
	}
}
