package device

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ebfe/scard"
)

func TestPickReadersByPattern(t *testing.T) {
	names := []string{"ACS ACR1281 1S Dual Reader PICC 00 00", "ACS ACR1281 1S Dual Reader SAM 00 01", "Virtual PCD 00 00", "Virtual PCD 00 01"}
	cases := []struct {
		card, sam         string
		wantCard, wantSAM string
	}{
		{"", "", "Virtual PCD 00 00", "Virtual PCD 00 01"},
		{"PICC", "SAM", names[0], names[1]},
		{"ACS * PICC *", "ACS * SAM *", names[0], names[1]},
		{"Virtual PCD", "Virtual PCD", "Virtual PCD 00 00", "Virtual PCD 00 01"},
		{"Omnikey", "SAM", "", names[1]},
	}
	for _, c := range cases {
		cfg := PCSCConfig{CardReader: c.card, SAMReader: c.sam}
		cfg.setDefaults()
		p := &PCSC{cfg: cfg}
		card, sam := p.pickReaders(names)
		if card != c.wantCard {
			t.Errorf("patterns %q/%q: card reader %q, want %q", c.card, c.sam, card, c.wantCard)
		}
		if sam != c.wantSAM {
			t.Errorf("patterns %q/%q: SAM reader %q, want %q", c.card, c.sam, sam, c.wantSAM)
		}
	}
}

func TestClampTimeoutNeverNegative(t *testing.T) {
	if got := clampTimeout(-time.Second); got != 0 {
		t.Errorf("clampTimeout(-1s) = %v, want 0", got)
	}
	if got := clampTimeout(time.Until(time.Now().Add(-time.Minute))); got != 0 {
		t.Errorf("clampTimeout of a past deadline = %v, want 0", got)
	}
	if got := clampTimeout(3 * time.Second); got != 3*time.Second {
		t.Errorf("clampTimeout(3s) = %v, want 3s", got)
	}
}

func TestClassifyCardErrors(t *testing.T) {
	cases := []struct {
		err  scard.Error
		want error
	}{
		{scard.ErrRemovedCard, ErrCardRemoved},
		{scard.ErrNotTransacted, ErrCardRemoved},
		{scard.ErrNoService, ErrServiceDown},
		{scard.ErrServiceStopped, ErrServiceDown},
		{scard.ErrSharingViolation, ErrCardRemoved},
	}
	for _, c := range cases {
		got := classifyCard(c.err, ErrCardRemoved)
		if !errors.Is(got, c.want) {
			t.Errorf("%v: classified as %v, want %v", c.err, got, c.want)
		}
		if !errors.Is(got, c.err) {
			t.Errorf("%v: classified error %v lost the PC/SC error", c.err, got)
		}
	}
}

func TestNewPCSCRejectsBadPattern(t *testing.T) {
	if _, err := NewPCSC(PCSCConfig{CardReader: "[PICC"}); err == nil {
		t.Error("NewPCSC accepted the pattern [PICC")
	}
}

func TestReaderConfigHidesSecret(t *testing.T) {
	cfg := PCSCConfig{SAMSecret: [32]byte{0x5A, 0x5A, 0x5A}}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
		out := fmt.Sprintf(verb, cfg)
		if strings.Contains(out, "90 90 90") || strings.Contains(out, "0x5a, 0x5a") {
			t.Errorf("%s formats the config as %q, which shows the secret", verb, out)
		}
	}
}
