//go:build !linux

package vcard

import "net"

// setQuickACK does nothing outside Linux, where TCP_QUICKACK is missing.
func setQuickACK(*net.TCPConn) {}
