package vcard

import (
	"crypto/ecdsa"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"fmt"
	"sync"
)

// Mode selects how a virtual card misbehaves.
type Mode int

const (
	ModeGenuine      Mode = iota // a working e-KTP
	ModeWrongCard                // not an e-KTP: the select returns 6A 82
	ModeTamper                   // the biodata replies are changed after their MAC
	ModeBadSignature             // EF 6FF6 holds a signature that does not verify
)

// ParseMode reads the names that cmd/vcard takes: genuine, wrong, tamper
// and badsig.
func ParseMode(s string) (Mode, error) {
	switch s {
	case "genuine", "":
		return ModeGenuine, nil
	case "wrong":
		return ModeWrongCard, nil
	case "tamper":
		return ModeTamper, nil
	case "badsig":
		return ModeBadSignature, nil
	}
	return 0, fmt.Errorf("unknown card mode %q: use genuine, wrong, tamper or badsig", s)
}

// Elementary files of the e-KTP application.
const (
	fileControl   = 0x6FF0
	fileBiodata   = 0x6FF1
	fileTemplate1 = 0x6FF4
	fileTemplate2 = 0x6FF5
	fileSignature = 0x6FF6
	appEKTP       = 0x7F0A
)

// Card is a virtual e-KTP. Its methods are safe for concurrent use.
type Card struct {
	mode  Mode
	files map[uint16][]byte
	key   []byte

	mu        sync.Mutex
	selected  bool   // the e-KTP application is selected
	file      uint16 // the current elementary file, 0 for none
	challenge []byte // the last GET CHALLENGE, until EXTERNAL AUTHENTICATE
	sm        *session
}

// CardOptions sets the files of a card that tests want to shape: template
// lengths (at least 12 bytes; 0 picks a default).
type CardOptions struct {
	TemplateLengths [2]int
}

// NewCard makes a virtual e-KTP for the resident.
func NewCard(r Resident, mode Mode, opts CardOptions) *Card {
	lengths := opts.TemplateLengths
	if lengths[0] == 0 {
		lengths[0] = 512
	}
	if lengths[1] == 0 {
		lengths[1] = 480
	}

	biodata := r.Biodata()
	control := r.control()
	c := &Card{
		mode: mode,
		key:  cardKey(control),
		files: map[uint16][]byte{
			fileControl:   control,
			fileBiodata:   biodata,
			fileTemplate1: r.template(1, lengths[0]),
			fileTemplate2: r.template(2, lengths[1]),
			fileSignature: signBiodata(biodata),
		},
	}
	if mode == ModeBadSignature {
		c.files[fileSignature][40] ^= 0x01
	}
	return c
}

// signBiodata returns the issuer's ECDSA P-256 signature of the biodata's
// SHA-256 as r and s, 32 bytes each.
func signBiodata(biodata []byte) []byte {
	digest := sha256.Sum256(biodata)
	r, s, err := ecdsa.Sign(rand.Reader, issuerKey, digest[:])
	if err != nil {
		panic("vcard: signing the biodata failed: " + err.Error())
	}
	out := make([]byte, 64)
	r.FillBytes(out[:32])
	s.FillBytes(out[32:])
	return out
}

// ATR returns the card's answer to reset, which offers T=1.
func (c *Card) ATR() []byte { return atr(nil) }

// Reset drops the selection and any session, as a power cycle does.
func (c *Card) Reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.selected, c.file, c.challenge, c.sm = false, 0, nil, nil
}

// Transmit returns the response to one command APDU. Its error is always
// nil, because the card reports failures in the status word as a real one does.
func (c *Card) Transmit(apdu []byte) ([]byte, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.process(apdu), nil
}

func (c *Card) process(apdu []byte) []byte {
	cmd, ok := parseCommand(apdu)
	if !ok {
		return withSW(nil, swWrongLength)
	}
	switch {
	case cmd.cla == 0x0C && cmd.ins == 0xEE:
		return c.secure(cmd)
	case cmd.cla != 0x00:
		return withSW(nil, swCLANotSupported)
	case cmd.ins == 0xA4 && !c.selected:
		return c.selectApplication(cmd)
	case !c.selected:
		return withSW(nil, swOutOfOrder)
	case cmd.ins == 0xA4:
		return c.selectFile(cmd, false)
	case cmd.ins == 0xB0:
		return c.readBinary(cmd, false)
	case cmd.ins == 0x84:
		return c.getChallenge(cmd)
	case cmd.ins == 0x82:
		return c.externalAuthenticate(cmd)
	}
	return withSW(nil, swINSNotSupported)
}

func (c *Card) selectApplication(cmd command) []byte {
	if c.mode == ModeWrongCard || fileID(cmd.data) != appEKTP {
		return withSW(nil, swFileNotFound)
	}
	c.selected, c.file, c.challenge, c.sm = true, 0, nil, nil
	return withSW(nil, swOK)
}

// selectFile selects an elementary file. In plain, only the control file
// and the application itself can be selected.
func (c *Card) selectFile(cmd command, secure bool) []byte {
	id := fileID(cmd.data)
	if id == appEKTP {
		c.file = 0
		return withSW(nil, swOK)
	}
	if _, ok := c.files[id]; !ok {
		return withSW(nil, swFileNotFound)
	}
	if !secure && id != fileControl {
		return withSW(nil, swSecurityStatus)
	}
	c.file = id
	return withSW(nil, swOK)
}

func (c *Card) readBinary(cmd command, secure bool) []byte {
	content, ok := c.files[c.file]
	if !ok {
		return withSW(nil, swOutOfOrder)
	}
	if !secure && c.file != fileControl {
		return withSW(nil, swSecurityStatus)
	}
	offset := int(cmd.p1&0x7F)<<8 | int(cmd.p2)
	if offset >= len(content) {
		return withSW(nil, swWrongOffset)
	}
	end := min(offset+max(cmd.le, 1), len(content))
	return withSW(content[offset:end], swOK)
}

func (c *Card) getChallenge(cmd command) []byte {
	if cmd.le != 8 {
		return withSW(nil, swWrongLength)
	}
	c.challenge = make([]byte, 8)
	rand.Read(c.challenge)
	c.sm = nil
	return withSW(c.challenge, swOK)
}

// externalAuthenticate checks the SAM's answer (8 random bytes and the
// host proof) and returns the card's proof, which opens a session.
func (c *Card) externalAuthenticate(cmd command) []byte {
	challenge := c.challenge
	c.challenge = nil
	if challenge == nil {
		return withSW(nil, swSecurityStatus)
	}
	if len(cmd.data) != 40 {
		return withSW(nil, swWrongLength)
	}
	samRandom, proof := cmd.data[:8], cmd.data[8:]
	if !hmac.Equal(proof, hmacSum(c.key, labelHostProof, challenge, samRandom)) {
		return withSW(nil, swAuthFailed)
	}
	c.sm = newSession(c.key, challenge, samRandom)
	return withSW(hmacSum(c.key, labelCardProof, samRandom, challenge), swOK)
}

// secure unwraps a secure-messaging envelope, runs the command inside and
// wraps the reply. A wrong MAC or counter ends the session.
func (c *Card) secure(cmd command) []byte {
	if c.sm == nil {
		return withSW(nil, swSecurityStatus)
	}
	counter := c.sm.counter + 1
	inner, ok := c.sm.open(dirCommand, counter, cmd.data)
	if !ok {
		c.sm = nil
		return withSW(nil, swSMFailed)
	}
	c.sm.counter = counter

	var reply []byte
	innerCmd, ok := parseCommand(inner)
	switch {
	case !ok:
		reply = withSW(nil, swWrongLength)
	case innerCmd.cla != 0x00:
		reply = withSW(nil, swCLANotSupported)
	case innerCmd.ins == 0xA4:
		reply = c.selectFile(innerCmd, true)
	case innerCmd.ins == 0xB0:
		reply = c.readBinary(innerCmd, true)
	default:
		reply = withSW(nil, swINSNotSupported)
	}

	sealed := c.sm.seal(dirResponse, counter, reply)
	if c.mode == ModeTamper && c.file == fileBiodata && innerCmd.ins == 0xB0 {
		sealed[0] ^= 0x20
	}
	return withSW(sealed, swOK)
}

func fileID(data []byte) uint16 {
	if len(data) != 2 {
		return 0
	}
	return uint16(data[0])<<8 | uint16(data[1])
}
