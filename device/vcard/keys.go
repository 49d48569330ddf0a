// Package vcard is a virtual e-KTP and a virtual SAM for tests and the demo.
// They follow the kiosk's host-to-SAM relay contract with real algorithms
// and made-up keys: HMAC-SHA256 for the mutual authentication and the
// secure-messaging MAC, AES-256-CTR for wrapping, and an ECDSA P-256 issuer
// signature over the biodata. The keys below protect nothing real, and the
// residents on the virtual cards are invented.
//
// Both run in-process (Transmit) or behind pcscd through vpcd (Serve).
package vcard

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
)

// DemoSAMSecret is the unlock secret of a virtual SAM made with NewSAM and
// no other secret. It is made up and unlocks nothing but the virtual SAM.
var DemoSAMSecret = sha256.Sum256([]byte("kiosk virtual SAM unlock secret, made up"))

// masterKey is the virtual SAM's card master key: each card's key is
// derived from it and the card's control file, so the SAM needs no list
// of cards.
var masterKey = sha256.Sum256([]byte("kiosk virtual e-KTP master key, made up"))

// issuerKey signs the biodata of every virtual card, and the virtual SAM
// checks signatures with its public half.
var issuerKey = mustIssuerKey()

func mustIssuerKey() *ecdsa.PrivateKey {
	scalar := sha256.Sum256([]byte("kiosk virtual e-KTP issuer key, made up"))
	key, err := ecdsa.ParseRawPrivateKey(elliptic.P256(), scalar[:])
	if err != nil {
		panic("vcard: made-up issuer scalar is not a valid P-256 key: " + err.Error())
	}
	return key
}

// macTagLen is the length of a secure-messaging MAC, HMAC-SHA256 cut to
// 16 bytes so that a wrapped 224-byte read still fits a short APDU.
const macTagLen = 16

// Labels that keep the derived values of one key apart.
const (
	labelCardKey   = "card key"
	labelHostProof = "host proof"
	labelCardProof = "card proof"
	labelEncKey    = "session enc"
	labelMacKey    = "session mac"
)

// Directions of secure messaging, so a command can never pass for a reply.
const (
	dirCommand  byte = 0xC0
	dirResponse byte = 0xE0
)

func hmacSum(key []byte, label string, parts ...[]byte) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(label))
	for _, p := range parts {
		m.Write(p)
	}
	return m.Sum(nil)
}

// cardKey derives a card's authentication key from its control file.
func cardKey(control []byte) []byte {
	return hmacSum(masterKey[:], labelCardKey, control)
}

// session holds the keys and the counter of one authenticated session.
// Card and SAM derive the same keys from the card key and both random
// values of the mutual authentication.
type session struct {
	enc     []byte
	mac     []byte
	counter uint64
}

func newSession(key, cardChallenge, samRandom []byte) *session {
	return &session{
		enc: hmacSum(key, labelEncKey, cardChallenge, samRandom),
		mac: hmacSum(key, labelMacKey, cardChallenge, samRandom),
	}
}

// seal encrypts plain with AES-256-CTR and appends the MAC over the
// direction, the counter and the ciphertext.
func (s *session) seal(dir byte, counter uint64, plain []byte) []byte {
	out := make([]byte, len(plain), len(plain)+macTagLen)
	s.stream(dir, counter).XORKeyStream(out, plain)
	return append(out, s.tag(dir, counter, out)...)
}

// open checks the MAC of sealed and returns the plain text, or false when
// the MAC does not match.
func (s *session) open(dir byte, counter uint64, sealed []byte) ([]byte, bool) {
	if len(sealed) < macTagLen {
		return nil, false
	}
	body, tag := sealed[:len(sealed)-macTagLen], sealed[len(sealed)-macTagLen:]
	if !hmac.Equal(tag, s.tag(dir, counter, body)) {
		return nil, false
	}
	plain := make([]byte, len(body))
	s.stream(dir, counter).XORKeyStream(plain, body)
	return plain, true
}

func (s *session) tag(dir byte, counter uint64, body []byte) []byte {
	var head [9]byte
	head[0] = dir
	binary.BigEndian.PutUint64(head[1:], counter)
	return hmacSum(s.mac, "", head[:], body)[:macTagLen]
}

// stream returns the CTR key stream for one message. The IV is the
// direction and the counter, which never repeat under one session key.
func (s *session) stream(dir byte, counter uint64) cipher.Stream {
	block, err := aes.NewCipher(s.enc)
	if err != nil {
		panic("vcard: session key is not an AES-256 key: " + err.Error())
	}
	var iv [aes.BlockSize]byte
	iv[0] = dir
	binary.BigEndian.PutUint64(iv[8:], counter)
	return cipher.NewCTR(block, iv[:])
}
