package vcard

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
)

// Default ports of Debian's vpcd: the first virtual reader ("Virtual PCD
// 00 00") listens on 35963 and the second ("Virtual PCD 00 01") on 35964.
const (
	DefaultCardPort = 35963
	DefaultSAMPort  = 35964
)

// Control bytes that vpcd sends as a one-byte payload.
const (
	vpcdPowerOff = 0x00
	vpcdPowerOn  = 0x01
	vpcdReset    = 0x02
	vpcdGetATR   = 0x04
)

// Applet is a virtual card or SAM that can sit in a vpcd reader slot.
type Applet interface {
	ATR() []byte
	Reset()
	Transmit(apdu []byte) ([]byte, error)
}

// Conn is a connection to vpcd: while it is open, vpcd reports a card in
// its reader slot, and closing it removes the card.
type Conn struct {
	tcp *net.TCPConn
}

// Dial connects to vpcd at addr, such as "127.0.0.1:35963". It fails at
// once when vpcd is not listening, which is the case while pcscd is down.
func Dial(ctx context.Context, addr string) (*Conn, error) {
	var d net.Dialer
	c, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("connect to vpcd at %s (is pcscd with vsmartcard-vpcd running?): %w", addr, err)
	}
	return &Conn{tcp: c.(*net.TCPConn)}, nil
}

// Close takes the card out of the reader.
func (c *Conn) Close() error { return c.tcp.Close() }

// ServeOptions changes how Serve behaves for tests.
type ServeOptions struct {
	// CloseAfterAPDUs closes the connection when that many APDUs have
	// had a response, as a card pulled away in the middle of a read. Zero
	// means never.
	CloseAfterAPDUs int
}

// Serve responds to vpcd's controls and APDUs with the applet until the
// connection closes. It returns nil when Close or vpcd ended the
// connection, and the error otherwise.
func (c *Conn) Serve(a Applet, opts ServeOptions) error {
	defer c.tcp.Close()
	answered := 0
	for {
		msg, err := c.read()
		if err != nil {
			if errors.Is(err, io.EOF) || errors.Is(err, net.ErrClosed) {
				return nil
			}
			return fmt.Errorf("read from vpcd: %w", err)
		}

		var reply []byte
		switch {
		case len(msg) == 1 && msg[0] == vpcdGetATR:
			reply = a.ATR()
		case len(msg) == 1 && (msg[0] == vpcdPowerOff || msg[0] == vpcdPowerOn || msg[0] == vpcdReset):
			a.Reset()
			continue
		case len(msg) <= 1:
			continue
		default:
			if opts.CloseAfterAPDUs > 0 && answered == opts.CloseAfterAPDUs {
				return nil
			}
			reply, err = a.Transmit(msg)
			if err != nil {
				return fmt.Errorf("virtual card: %w", err)
			}
			answered++
		}
		if err := c.write(reply); err != nil {
			return fmt.Errorf("write to vpcd: %w", err)
		}
	}
}

// read returns the next payload. It sets TCP_QUICKACK before each read
// because vpcd sends the length and the body in separate writes, and a
// delayed ACK would hold every APDU back by about 40 ms.
func (c *Conn) read() ([]byte, error) {
	setQuickACK(c.tcp)
	var header [2]byte
	if _, err := io.ReadFull(c.tcp, header[:]); err != nil {
		return nil, err
	}
	msg := make([]byte, binary.BigEndian.Uint16(header[:]))
	setQuickACK(c.tcp)
	if _, err := io.ReadFull(c.tcp, msg); err != nil {
		return nil, err
	}
	return msg, nil
}

// write sends length and payload in one write.
func (c *Conn) write(payload []byte) error {
	out := make([]byte, 2+len(payload))
	binary.BigEndian.PutUint16(out, uint16(len(payload)))
	copy(out[2:], payload)
	_, err := c.tcp.Write(out)
	return err
}
