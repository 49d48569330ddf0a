package vcard

// Status words that the virtual card and SAM return.
const (
	swOK              = 0x9000
	swWrongLength     = 0x6700
	swSecurityStatus  = 0x6982 // not authenticated, or the card is not genuine
	swLocked          = 0x6983
	swOutOfOrder      = 0x6985
	swSMFailed        = 0x6988 // secure messaging or signature check failed
	swFileNotFound    = 0x6A82
	swWrongOffset     = 0x6B00
	swINSNotSupported = 0x6D00
	swCLANotSupported = 0x6E00
	swAuthFailed      = 0x6300
	swWrongSecretBase = 0x63C0 // low nibble: tries left
)

// command is a parsed short command APDU.
type command struct {
	cla, ins, p1, p2 byte
	data             []byte
	le               int // expected length, 0 when absent; 256 for Le=00
}

// parseCommand splits a short APDU into header, data and Le (ISO/IEC
// 7816-4 cases 1 to 4). It returns false when the length bytes do not
// match the APDU's length.
func parseCommand(apdu []byte) (command, bool) {
	if len(apdu) < 4 {
		return command{}, false
	}
	c := command{cla: apdu[0], ins: apdu[1], p1: apdu[2], p2: apdu[3]}
	body := apdu[4:]
	switch {
	case len(body) == 0:
		return c, true
	case len(body) == 1:
		c.le = int(body[0])
		if c.le == 0 {
			c.le = 256
		}
		return c, true
	}

	lc := int(body[0])
	switch len(body) {
	case 1 + lc:
	case 2 + lc:
		c.le = int(body[1+lc])
		if c.le == 0 {
			c.le = 256
		}
	default:
		return command{}, false
	}
	c.data = body[1 : 1+lc]
	return c, true
}

// withSW appends a status word to data.
func withSW(data []byte, sw uint16) []byte {
	out := make([]byte, 0, len(data)+2)
	out = append(out, data...)
	return append(out, byte(sw>>8), byte(sw))
}

// atr builds an ATR that offers T=1 only, with the given historical bytes
// and the check byte TCK (the XOR of all bytes after TS).
func atr(historical []byte) []byte {
	out := []byte{0x3B, 0x80 | byte(len(historical)), 0x80, 0x01}
	out = append(out, historical...)
	var tck byte
	for _, b := range out[1:] {
		tck ^= b
	}
	return append(out, tck)
}
