package vcard

import (
	"bytes"
	"testing"
)

func statusOf(t *testing.T, resp []byte) uint16 {
	t.Helper()
	if len(resp) < 2 {
		t.Fatalf("response % X has no status word", resp)
	}
	return uint16(resp[len(resp)-2])<<8 | uint16(resp[len(resp)-1])
}

func unlocked(t *testing.T) *SAM {
	t.Helper()
	s := NewSAM(DemoSAMSecret)
	resp, _ := s.Transmit(append([]byte{0x00, 0xF0, 0x00, 0x00, 0x20}, DemoSAMSecret[:]...))
	if sw := statusOf(t, resp); sw != swOK {
		t.Fatalf("unlock: status %04X", sw)
	}
	return s
}

func TestSAMRejectsOutOfOrder(t *testing.T) {
	cases := []struct {
		name string
		apdu []byte
	}{
		{"check before answer", []byte{0x00, 0xF2, 0x00, 0x00, 0x02, 0x01, 0x02}},
		{"wrap before session", []byte{0x00, 0xF3, 0x00, 0x00, 0x05, 0x00, 0xB0, 0x00, 0x00, 0xE0}},
		{"unwrap without wrap", []byte{0x00, 0xF4, 0x00, 0x00, 0x02, 0x90, 0x00}},
	}
	for _, c := range cases {
		resp, _ := unlocked(t).Transmit(c.apdu)
		if sw := statusOf(t, resp); sw != swOutOfOrder {
			t.Errorf("%s: status %04X, want 6985", c.name, sw)
		}
	}
}

func TestSAMNeedsUnlock(t *testing.T) {
	s := NewSAM(DemoSAMSecret)
	resp, _ := s.Transmit([]byte{0x00, 0xFF, 0x00, 0x00, 0x00})
	if sw := statusOf(t, resp); sw != swSecurityStatus {
		t.Errorf("reset before unlock: status %04X, want 6982", sw)
	}
}

func TestSAMResetLocksAgain(t *testing.T) {
	s := unlocked(t)
	s.Reset()
	resp, _ := s.Transmit([]byte{0x00, 0xFF, 0x00, 0x00, 0x00})
	if sw := statusOf(t, resp); sw != swSecurityStatus {
		t.Errorf("reset after power cycle: status %04X, want 6982", sw)
	}
}

func TestCardPlainAccessLimited(t *testing.T) {
	c := NewCard(Residents["andi"], ModeGenuine, CardOptions{})
	send := func(apdu ...byte) []byte {
		resp, _ := c.Transmit(apdu)
		return resp
	}
	if sw := statusOf(t, send(0x00, 0xA4, 0x00, 0x00, 0x02, 0x7F, 0x0A)); sw != swOK {
		t.Fatalf("select application: status %04X", sw)
	}
	if sw := statusOf(t, send(0x00, 0xA4, 0x00, 0x00, 0x02, 0x6F, 0xF1)); sw != swSecurityStatus {
		t.Errorf("plain select of the biodata: status %04X, want 6982", sw)
	}
	if sw := statusOf(t, send(0x00, 0xA4, 0x00, 0x00, 0x02, 0x6F, 0xF0)); sw != swOK {
		t.Fatalf("select control file: status %04X", sw)
	}
	resp := send(0x00, 0xB0, 0x00, 0x00, 0x35)
	if sw := statusOf(t, resp); sw != swOK || len(resp) != 53+2 {
		t.Errorf("read control file: status %04X with %d bytes, want 9000 with 53", sw, len(resp)-2)
	}
	if !bytes.HasPrefix(resp, []byte("EKTP")) {
		t.Errorf("control file starts % X, want EKTP", resp[:4])
	}
	if sw := statusOf(t, send(0x0C, 0xEE, 0x00, 0x00, 0x01, 0x00)); sw != swSecurityStatus {
		t.Errorf("secure command without a session: status %04X, want 6982", sw)
	}
}

func TestATROffersT1(t *testing.T) {
	a := NewCard(Residents["andi"], ModeGenuine, CardOptions{}).ATR()
	if !bytes.Equal(a, []byte{0x3B, 0x80, 0x80, 0x01, 0x01}) {
		t.Errorf("card ATR % X, want 3B 80 80 01 01", a)
	}
	s := NewSAM(DemoSAMSecret).ATR()
	var tck byte
	for _, b := range s[1:] {
		tck ^= b
	}
	if tck != 0 {
		t.Errorf("SAM ATR % X has a wrong check byte", s)
	}
}
