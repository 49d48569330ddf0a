package device

import (
	"errors"
	"fmt"
)

// Transmitter sends one command APDU to a card or SAM and returns the
// response APDU, data followed by the two status bytes. The PC/SC reader
// implements it on a connected card handle; tests use the virtual card.
type Transmitter interface {
	Transmit(apdu []byte) ([]byte, error)
}

// StatusWord is the SW1 SW2 pair that ends a response APDU.
type StatusWord uint16

const (
	swOK            StatusWord = 0x9000
	swAuthFailed    StatusWord = 0x6300
	swLocked        StatusWord = 0x6983
	swNotGenuine    StatusWord = 0x6982
	swOutOfOrder    StatusWord = 0x6985
	swSMFailed      StatusWord = 0x6988
	swFileNotFound  StatusWord = 0x6A82
	swWrongOffset   StatusWord = 0x6B00
	swWrongSecretHi StatusWord = 0x63C0 // low nibble: tries left
)

func (sw StatusWord) String() string { return fmt.Sprintf("%02X %02X", byte(sw>>8), byte(sw)) }

// transmit sends apdu and splits the response into data and status word.
// A transport error that wraps no device error, and an empty response, are
// wrapped in fallback; a one-byte response is wrapped in ErrMalformed.
func transmit(t Transmitter, fallback error, step string, apdu []byte) ([]byte, StatusWord, error) {
	resp, err := t.Transmit(apdu)
	if err != nil {
		if !wrapsDeviceError(err) {
			err = fmt.Errorf("%w: %w", fallback, err)
		}
		return nil, 0, fmt.Errorf("%s: %w", step, err)
	}
	if len(resp) == 0 {
		// pcscd returns an empty response when vpcd loses the card in the
		// middle of a command (pcsc-lite 1.9.9).
		return nil, 0, fmt.Errorf("%s: empty response: %w", step, fallback)
	}
	if len(resp) < 2 {
		return nil, 0, fmt.Errorf("%s: response of %d bytes has no status word: %w", step, len(resp), ErrMalformed)
	}
	n := len(resp) - 2
	return resp[:n], StatusWord(resp[n])<<8 | StatusWord(resp[n+1]), nil
}

// deviceErrors are the errors that the TUI shows with a message each. A
// transport error that wraps one of them is passed on unchanged.
var deviceErrors = []error{
	ErrServiceDown, ErrNoReader, ErrNoSAM, ErrSAMWrongSecret, ErrSAMLocked,
	ErrNoCard, ErrNotEKTP, ErrCardRemoved, ErrAuthFailed, ErrBadSignature,
	ErrMalformed, ErrTampered,
}

func wrapsDeviceError(err error) bool {
	for _, target := range deviceErrors {
		if errors.Is(err, target) {
			return true
		}
	}
	return false
}

// commandAPDU builds a case 3 short command: header, Lc and data, with no
// Le byte, as the relay contract sends every command with data.
func commandAPDU(header [4]byte, data ...[]byte) []byte {
	n := 0
	for _, d := range data {
		n += len(d)
	}
	out := make([]byte, 0, 5+n)
	out = append(out, header[:]...)
	out = append(out, byte(n))
	for _, d := range data {
		out = append(out, d...)
	}
	return out
}
