package vcard

import (
	"net"
	"syscall"
)

// tcpQuickACK is TCP_QUICKACK from linux/tcp.h.
const tcpQuickACK = 12

// setQuickACK asks the kernel to acknowledge at once. Linux clears the
// flag again by itself, so it is set before every read.
func setQuickACK(c *net.TCPConn) {
	raw, err := c.SyscallConn()
	if err != nil {
		return
	}
	raw.Control(func(fd uintptr) {
		syscall.SetsockoptInt(int(fd), syscall.IPPROTO_TCP, tcpQuickACK, 1)
	})
}
