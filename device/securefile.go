package device

import "fmt"

const (
	// maxReadLen is the maximum length one READ BINARY requests (E0).
	maxReadLen = 0xE0
	// maxFileLen bounds a file at the largest offset that READ BINARY can
	// address with P1 bit 8 clear (7F FF), so a card that never ends a
	// file cannot keep the read going.
	maxFileLen = 0x7FFF
)

// secure sends one plain card command wrapped by the SAM (F3), relays the
// envelope to the card and has the SAM unwrap the reply (F4). It returns
// the plain data and the plain status word of the command.
func (r *relay) secure(step string, plain []byte) ([]byte, StatusWord, error) {
	envelope, sw, err := r.toSAM(step+": SAM wrap", commandAPDU(headerWrap, plain))
	if err != nil {
		return nil, 0, err
	}
	if sw != swOK {
		return nil, 0, fmt.Errorf("%s: SAM wrap failed with status %v: %w", step, sw, ErrAuthFailed)
	}

	reply, err := r.card.Transmit(envelope)
	if err != nil {
		if !wrapsDeviceError(err) {
			err = fmt.Errorf("%w: %w", ErrCardRemoved, err)
		}
		return nil, 0, fmt.Errorf("%s: %w", step, err)
	}
	defer clear(reply)
	if len(reply) == 0 {
		return nil, 0, fmt.Errorf("%s: empty response: %w", step, ErrCardRemoved)
	}
	if len(reply) > 255 {
		return nil, 0, fmt.Errorf("%s: card reply of %d bytes does not fit the SAM unwrap command: %w", step, len(reply), ErrMalformed)
	}

	unwrapped, sw, err := r.toSAM(step+": SAM unwrap", commandAPDU(headerUnwrap, reply))
	if err != nil {
		return nil, 0, err
	}
	switch {
	case sw == swSMFailed:
		clear(unwrapped)
		return nil, 0, fmt.Errorf("%s: %w", step, ErrTampered)
	case sw != swOK:
		clear(unwrapped)
		return nil, 0, fmt.Errorf("%s: SAM unwrap failed with status %v: %w", step, sw, ErrTampered)
	case len(unwrapped) < 2:
		return nil, 0, fmt.Errorf("%s: unwrapped reply has no status word: %w", step, ErrMalformed)
	}
	n := len(unwrapped) - 2
	return unwrapped[:n], StatusWord(unwrapped[n])<<8 | StatusWord(unwrapped[n+1]), nil
}

// readFile selects an elementary file and reads it in chunks of at most
// E0 bytes. A chunk shorter than asked, or 6B 00 at an offset at or past
// the end, ends the file. The caller zeroes the returned bytes.
func (r *relay) readFile(id uint16) ([]byte, error) {
	step := fmt.Sprintf("EF %04X", id)
	selectFile := []byte{0x00, 0xA4, 0x00, 0x00, 0x02, byte(id >> 8), byte(id)}
	_, sw, err := r.secure(step+" select", selectFile)
	if err != nil {
		return nil, err
	}
	if sw != swOK {
		return nil, fmt.Errorf("%s select: status %v: %w", step, sw, ErrMalformed)
	}

	var content []byte
	for {
		offset := len(content)
		readBinary := []byte{0x00, 0xB0, byte(offset >> 8), byte(offset), maxReadLen}
		chunk, sw, err := r.secure(step+" read", readBinary)
		if err != nil {
			clear(content)
			return nil, err
		}
		if sw == swWrongOffset && offset > 0 {
			return content, nil
		}
		if sw != swOK || len(chunk) > maxReadLen || offset+len(chunk) > maxFileLen {
			clear(chunk)
			clear(content)
			return nil, fmt.Errorf("%s read at offset %d: status %v with %d bytes: %w", step, offset, sw, len(chunk), ErrMalformed)
		}
		content = appendWiping(content, chunk)
		clear(chunk)
		if len(chunk) < maxReadLen {
			return content, nil
		}
	}
}

// appendWiping appends src to dst and zeroes the old backing array of dst
// when append had to move it, so no stale copy of card data is left.
func appendWiping(dst, src []byte) []byte {
	if cap(dst)-len(dst) >= len(src) {
		return append(dst, src...)
	}
	grown := make([]byte, len(dst), 2*cap(dst)+len(src))
	copy(grown, dst)
	clear(dst)
	return append(grown, src...)
}
