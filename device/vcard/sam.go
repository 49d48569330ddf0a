package vcard

import (
	"crypto/ecdsa"
	"crypto/hmac"
	"crypto/rand"
	"crypto/subtle"
	"math/big"
	"sync"
)

// samTries is how many wrong unlock secrets lock the SAM for good.
const samTries = 3

// SAM is a virtual SAM. It stays locked to commands until unlocked with its
// secret, and returns 69 85 for a command out of order. Its methods are
// safe for concurrent use.
type SAM struct {
	secret [32]byte

	mu        sync.Mutex
	triesLeft int
	unlocked  bool
	key       []byte // the card key, from the last answer (F1)
	challenge []byte // the card's challenge, from the last answer
	random    []byte // the SAM's random value, from the last answer
	sm        *session
	pending   uint64 // counter of the wrapped command awaiting its reply, 0 for none
}

// NewSAM makes a virtual SAM that unlocks with secret.
func NewSAM(secret [32]byte) *SAM {
	return &SAM{secret: secret, triesLeft: samTries}
}

// ATR returns the SAM's answer to reset, which offers T=1.
func (s *SAM) ATR() []byte { return atr([]byte("VSAM")) }

// Reset locks the SAM again and drops any session, as a power cycle does.
// The count of wrong secrets survives it.
func (s *SAM) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.unlocked = false
	s.resetSession()
}

// Transmit returns the response to one command APDU. Its error is always
// nil, because the SAM reports failures in the status word as a real one does.
func (s *SAM) Transmit(apdu []byte) ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.process(apdu), nil
}

func (s *SAM) process(apdu []byte) []byte {
	cmd, ok := parseCommand(apdu)
	switch {
	case !ok:
		return withSW(nil, swWrongLength)
	case cmd.cla != 0x00:
		return withSW(nil, swCLANotSupported)
	case cmd.ins == 0xF0:
		return s.unlock(cmd)
	case s.triesLeft == 0:
		return withSW(nil, swLocked)
	case !s.unlocked:
		return withSW(nil, swSecurityStatus)
	}

	switch cmd.ins {
	case 0xFF:
		s.resetSession()
		return withSW(nil, swOK)
	case 0xF1:
		return s.answer(cmd)
	case 0xF2:
		return s.check(cmd)
	case 0xF3:
		return s.wrap(cmd)
	case 0xF4:
		return s.unwrap(cmd)
	case 0xFA:
		return s.verifySignature(cmd)
	}
	return withSW(nil, swINSNotSupported)
}

func (s *SAM) resetSession() {
	s.key, s.challenge, s.random, s.sm, s.pending = nil, nil, nil, nil, 0
}

func (s *SAM) unlock(cmd command) []byte {
	if s.triesLeft == 0 {
		return withSW(nil, swLocked)
	}
	if len(cmd.data) != len(s.secret) {
		return withSW(nil, swWrongLength)
	}
	if subtle.ConstantTimeCompare(cmd.data, s.secret[:]) != 1 {
		s.triesLeft--
		s.unlocked = false
		if s.triesLeft == 0 {
			return withSW(nil, swLocked)
		}
		return withSW(nil, uint16(swWrongSecretBase|s.triesLeft))
	}
	s.triesLeft = samTries
	s.unlocked = true
	return withSW(nil, swOK)
}

// answer takes the control file (53 bytes) and the card's challenge (8)
// and returns the SAM's random value (8) and the host proof (32).
func (s *SAM) answer(cmd command) []byte {
	if len(cmd.data) != 53+8 {
		return withSW(nil, swWrongLength)
	}
	s.resetSession()
	s.key = cardKey(cmd.data[:53])
	s.challenge = append([]byte(nil), cmd.data[53:]...)
	s.random = make([]byte, 8)
	rand.Read(s.random)

	proof := hmacSum(s.key, labelHostProof, s.challenge, s.random)
	return withSW(append(append([]byte(nil), s.random...), proof...), swOK)
}

// check verifies the card's proof and opens the secure-messaging session.
func (s *SAM) check(cmd command) []byte {
	if s.key == nil || s.sm != nil {
		return withSW(nil, swOutOfOrder)
	}
	if !hmac.Equal(cmd.data, hmacSum(s.key, labelCardProof, s.random, s.challenge)) {
		s.resetSession()
		return withSW(nil, swSecurityStatus)
	}
	s.sm = newSession(s.key, s.challenge, s.random)
	return withSW(nil, swOK)
}

// wrap turns a plain card command into the envelope 0C EE 00 00 Lc that
// the card accepts inside the session.
func (s *SAM) wrap(cmd command) []byte {
	if s.sm == nil {
		return withSW(nil, swOutOfOrder)
	}
	if len(cmd.data) < 4 || len(cmd.data)+macTagLen > 255 {
		return withSW(nil, swWrongLength)
	}
	s.sm.counter++
	s.pending = s.sm.counter
	sealed := s.sm.seal(dirCommand, s.pending, cmd.data)
	envelope := append([]byte{0x0C, 0xEE, 0x00, 0x00, byte(len(sealed))}, sealed...)
	return withSW(envelope, swOK)
}

// unwrap checks the card's reply to the pending envelope and returns the
// plain data and status word of the command inside.
func (s *SAM) unwrap(cmd command) []byte {
	if s.sm == nil || s.pending == 0 {
		return withSW(nil, swOutOfOrder)
	}
	counter := s.pending
	s.pending = 0

	reply := cmd.data
	if len(reply) < macTagLen+2+2 || reply[len(reply)-2] != 0x90 || reply[len(reply)-1] != 0x00 {
		return withSW(nil, swSMFailed)
	}
	plain, ok := s.sm.open(dirResponse, counter, reply[:len(reply)-2])
	if !ok || len(plain) < 2 {
		return withSW(nil, swSMFailed)
	}
	return withSW(plain, swOK)
}

// verifySignature checks an issuer signature: the SHA-256 of the biodata
// (32 bytes), then r and s (32 bytes each).
func (s *SAM) verifySignature(cmd command) []byte {
	if len(cmd.data) != 96 {
		return withSW(nil, swWrongLength)
	}
	r := new(big.Int).SetBytes(cmd.data[32:64])
	sig := new(big.Int).SetBytes(cmd.data[64:])
	if !ecdsa.Verify(&issuerKey.PublicKey, cmd.data[:32], r, sig) {
		return withSW(nil, swSMFailed)
	}
	return withSW(nil, swOK)
}
