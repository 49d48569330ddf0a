package device

import (
	"context"
	"crypto/sha256"
	"fmt"
)

// Profile is the command sequence that reads one e-KTP through a card and
// a SAM. EKTPProfile is the kiosk's own relay contract; a reader whose
// vendor SDK differs gets a Profile of its own.
type Profile interface {
	Read(ctx context.Context, card, sam Transmitter) (*Card, error)
}

// EKTPProfile reads an e-KTP with the host only relaying between card and
// SAM: the host never computes or holds a card key. Secret is the SAM's
// 32-byte unlock secret.
type EKTPProfile struct {
	Secret [32]byte
}

// Fixed commands of the relay contract, sent exactly as written.
var (
	apduSelectEKTP    = []byte{0x00, 0xA4, 0x00, 0x00, 0x02, 0x7F, 0x0A}
	apduSelectControl = []byte{0x00, 0xA4, 0x00, 0x00, 0x02, 0x6F, 0xF0}
	apduReadControl   = []byte{0x00, 0xB0, 0x00, 0x00, 0x35}
	apduSAMReset      = []byte{0x00, 0xFF, 0x00, 0x00, 0x00}
	apduGetChallenge  = []byte{0x00, 0x84, 0x00, 0x00, 0x08}
)

// Headers of the commands that carry data.
var (
	headerUnlock    = [4]byte{0x00, 0xF0, 0x00, 0x00}
	headerAnswer    = [4]byte{0x00, 0xF1, 0x00, 0x00}
	headerExtAuth   = [4]byte{0x00, 0x82, 0x00, 0x00}
	headerCheck     = [4]byte{0x00, 0xF2, 0x00, 0x00}
	headerWrap      = [4]byte{0x00, 0xF3, 0x00, 0x00}
	headerUnwrap    = [4]byte{0x00, 0xF4, 0x00, 0x00}
	headerSignature = [4]byte{0x00, 0xFA, 0x00, 0x00}
)

// Elementary files read under secure messaging.
const (
	fileBiodata   = 0x6FF1
	fileTemplate1 = 0x6FF4
	fileTemplate2 = 0x6FF5
	fileSignature = 0x6FF6
)

const (
	controlLen   = 53
	challengeLen = 8
	answerLen    = 40
	signatureLen = 64
)

// Read runs the whole sequence: SAM unlock, select, control file, mutual
// authentication, secure reads of the biodata, both templates and the
// signature, the SAM's signature check and the parsing of the biodata.
// Every buffer that held biodata is zeroed before Read returns; the
// templates go to the caller, who wipes them with Card.Wipe.
func (p *EKTPProfile) Read(ctx context.Context, card, sam Transmitter) (*Card, error) {
	r := &relay{ctx: ctx, card: card, sam: sam}
	if err := r.unlock(&p.Secret); err != nil {
		return nil, err
	}
	if err := r.selectEKTP(); err != nil {
		return nil, err
	}
	control, err := r.readControl()
	if err != nil {
		return nil, err
	}
	if err := r.authenticate(control); err != nil {
		return nil, err
	}
	return r.readFiles()
}

// WrongSecretError is the SAM's rejection of the unlock secret, with the
// number of tries left before the SAM locks. It wraps ErrSAMWrongSecret.
type WrongSecretError struct {
	TriesLeft int
}

func (e *WrongSecretError) Error() string {
	return fmt.Sprintf("%v (tries left before the SAM locks: %d; check the configured SAM secret)", ErrSAMWrongSecret, e.TriesLeft)
}

func (e *WrongSecretError) Unwrap() error { return ErrSAMWrongSecret }

// relay is one run of the profile over one card and one SAM.
type relay struct {
	ctx       context.Context
	card, sam Transmitter
}

// toSAM and toCard send one command after checking that the read was not
// cancelled, so a cancelled read stops at the next APDU.
func (r *relay) toSAM(step string, apdu []byte) ([]byte, StatusWord, error) {
	if err := r.ctx.Err(); err != nil {
		return nil, 0, fmt.Errorf("%s: %w", step, err)
	}
	return transmit(r.sam, ErrNoSAM, step, apdu)
}

func (r *relay) toCard(step string, apdu []byte) ([]byte, StatusWord, error) {
	if err := r.ctx.Err(); err != nil {
		return nil, 0, fmt.Errorf("%s: %w", step, err)
	}
	return transmit(r.card, ErrCardRemoved, step, apdu)
}

func (r *relay) unlock(secret *[32]byte) error {
	apdu := commandAPDU(headerUnlock, secret[:])
	defer clear(apdu)

	_, sw, err := r.toSAM("SAM unlock", apdu)
	switch {
	case err != nil:
		return err
	case sw == swOK:
		return nil
	case sw&0xFFF0 == swWrongSecretHi:
		return fmt.Errorf("SAM unlock: %w", &WrongSecretError{TriesLeft: int(sw & 0x0F)})
	case sw == swLocked:
		return fmt.Errorf("SAM unlock: %w (ask the issuer to unlock or replace it)", ErrSAMLocked)
	}
	return fmt.Errorf("SAM unlock: unexpected status %v, the SAM slot may hold another card: %w", sw, ErrNoSAM)
}

func (r *relay) selectEKTP() error {
	_, sw, err := r.toCard("select e-KTP application", apduSelectEKTP)
	switch {
	case err != nil:
		return err
	case sw == swOK:
		return nil
	}
	return fmt.Errorf("select e-KTP application: status %v: %w", sw, ErrNotEKTP)
}

func (r *relay) readControl() ([]byte, error) {
	if _, sw, err := r.toCard("select control file", apduSelectControl); err != nil {
		return nil, err
	} else if sw != swOK {
		return nil, fmt.Errorf("select control file: status %v: %w", sw, ErrNotEKTP)
	}

	data, sw, err := r.toCard("read control file", apduReadControl)
	if err != nil {
		return nil, err
	}
	if sw != swOK || len(data) != controlLen {
		return nil, fmt.Errorf("read control file: status %v with %d bytes, expected 90 00 with %d: %w", sw, len(data), controlLen, ErrMalformed)
	}
	return append([]byte(nil), data...), nil
}

// authenticate relays the mutual authentication: the SAM computes the
// response to the card's challenge and then checks the card's proof.
func (r *relay) authenticate(control []byte) error {
	if _, sw, err := r.toSAM("SAM reset", apduSAMReset); err != nil {
		return err
	} else if sw != swOK {
		return fmt.Errorf("SAM reset: status %v: %w", sw, ErrNoSAM)
	}

	challenge, sw, err := r.toCard("get challenge", apduGetChallenge)
	if err != nil {
		return err
	}
	if sw != swOK || len(challenge) != challengeLen {
		return fmt.Errorf("get challenge: status %v with %d bytes: %w", sw, len(challenge), ErrAuthFailed)
	}

	answer, sw, err := r.toSAM("SAM answer", commandAPDU(headerAnswer, control, challenge))
	if err != nil {
		return err
	}
	if sw != swOK || len(answer) != answerLen {
		return fmt.Errorf("SAM answer: status %v with %d bytes: %w", sw, len(answer), ErrAuthFailed)
	}

	proof, sw, err := r.toCard("external authenticate", commandAPDU(headerExtAuth, answer))
	if err != nil {
		return err
	}
	if sw != swOK {
		return fmt.Errorf("external authenticate: card rejected the SAM's answer with %v: %w", sw, ErrAuthFailed)
	}

	if _, sw, err := r.toSAM("SAM check", commandAPDU(headerCheck, proof)); err != nil {
		return err
	} else if sw != swOK {
		return fmt.Errorf("SAM check: card is not genuine, status %v: %w", sw, ErrAuthFailed)
	}
	return nil
}

// readFiles reads the biodata, the templates and the signature, has the
// SAM check the signature, and parses the biodata.
func (r *relay) readFiles() (*Card, error) {
	biodata, err := r.readFile(fileBiodata)
	if err != nil {
		return nil, err
	}
	defer clear(biodata)

	card := &Card{}
	for i, id := range []uint16{fileTemplate1, fileTemplate2} {
		tpl, err := r.readFile(id)
		if err != nil {
			card.Wipe()
			return nil, err
		}
		card.Templates[i] = tpl
		if err := checkTemplate(tpl, id); err != nil {
			card.Wipe()
			return nil, err
		}
	}

	if err := r.checkSignature(biodata); err != nil {
		card.Wipe()
		return nil, err
	}

	card.Biodata, err = ParseBiodata(biodata)
	if err != nil {
		card.Wipe()
		return nil, err
	}
	return card, nil
}

func checkTemplate(tpl []byte, id uint16) error {
	if len(tpl) < 4 || string(tpl[:4]) != "FMR\x00" {
		return fmt.Errorf("EF %04X: not an ISO/IEC 19794-2 minutiae record (no FMR header): %w", id, ErrMalformed)
	}
	return nil
}

func (r *relay) checkSignature(biodata []byte) error {
	signature, err := r.readFile(fileSignature)
	if err != nil {
		return err
	}
	if len(signature) != signatureLen {
		return fmt.Errorf("EF %04X: signature of %d bytes, expected %d: %w", fileSignature, len(signature), signatureLen, ErrMalformed)
	}

	digest := sha256.Sum256(biodata)
	defer clear(digest[:])
	_, sw, err := r.toSAM("SAM signature check", commandAPDU(headerSignature, digest[:], signature))
	if err != nil {
		return err
	}
	switch sw {
	case swOK:
		return nil
	case swSMFailed:
		return fmt.Errorf("SAM signature check: %w", ErrBadSignature)
	}
	return fmt.Errorf("SAM signature check: unexpected status %v: %w", sw, ErrBadSignature)
}
