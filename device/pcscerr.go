package device

import (
	"errors"
	"fmt"
	"time"

	"github.com/ebfe/scard"
)

// serviceGone reports whether err means that pcscd is not running or has
// restarted, so the PC/SC context must be established again.
func serviceGone(err error) bool {
	return errors.Is(err, scard.ErrNoService) ||
		errors.Is(err, scard.ErrServiceStopped) ||
		errors.Is(err, scard.ErrInvalidHandle)
}

// classifyService wraps a PC/SC error in ErrServiceDown when pcscd is gone
// and in fallback otherwise, keeping the PC/SC error for the log.
func classifyService(err, fallback error) error {
	if serviceGone(err) {
		return fmt.Errorf("%w (start pcscd or check its service): %w", ErrServiceDown, err)
	}
	return fmt.Errorf("%w: %w", fallback, err)
}

// classifyCard maps an error of a card or SAM operation: pcscd gone is
// ErrServiceDown, and any other failure is gone, which is ErrCardRemoved
// or ErrNoCard for the contactless card and ErrNoSAM for the SAM. A
// contactless card that stops responding has in practice left the field.
func classifyCard(err, gone error) error {
	if serviceGone(err) {
		return classifyService(err, gone)
	}
	switch {
	case errors.Is(err, scard.ErrNoSmartcard),
		errors.Is(err, scard.ErrRemovedCard),
		errors.Is(err, scard.ErrResetCard),
		errors.Is(err, scard.ErrUnpoweredCard),
		errors.Is(err, scard.ErrUnresponsiveCard),
		errors.Is(err, scard.ErrReaderUnavailable),
		errors.Is(err, scard.ErrNotTransacted),
		errors.Is(err, scard.ErrCommError):
		return fmt.Errorf("%w: %w", gone, err)
	}
	return fmt.Errorf("%w: unexpected PC/SC error: %w", gone, err)
}

// clampTimeout turns a negative wait into zero: at the pinned scard
// version a negative timeout means INFINITE, which would block the watcher.
func clampTimeout(d time.Duration) time.Duration {
	return max(d, 0)
}
