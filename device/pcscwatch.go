package device

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/ebfe/scard"
)

// pnpNotification is the pseudo reader whose state changes when a reader
// is added or removed.
const pnpNotification = `\\?PnP?\Notification`

// statusChangeMu serialises GetStatusChange across the process: the pinned
// scard version keeps reader names in a package-level map that it writes
// without a lock during the call.
var statusChangeMu sync.Mutex

// watch keeps a PC/SC context for watching and re-establishes it with
// backoff whenever pcscd is gone, until Close.
func (p *PCSC) watch() {
	defer p.wg.Done()
	backoff := p.cfg.RetryMin
	down := false
	for !p.isClosed() {
		ctx, err := scard.EstablishContext()
		if err != nil {
			if !down {
				p.log.Warn("PC/SC service down, retrying", "err", err, "retry", backoff)
				p.emit(Event{Kind: ServiceDown, Err: classifyService(err, ErrServiceDown)})
				down = true
			}
			p.sleep(backoff)
			backoff = min(2*backoff, p.cfg.RetryMax)
			continue
		}

		backoff = p.cfg.RetryMin
		if !p.setWatching(ctx) {
			ctx.Release()
			return
		}
		p.log.Info("PC/SC service up")
		p.emit(Event{Kind: ServiceUp})
		down = false

		err = p.watchReaders(ctx)
		p.setWatching(nil)
		ctx.Release()
		if err != nil && !p.isClosed() {
			p.log.Warn("PC/SC service lost, retrying", "err", err)
			p.emit(Event{Kind: ServiceDown, Err: classifyService(err, ErrServiceDown)})
			down = true
		}
	}
}

// watchedReader is a reader that matches a configured pattern, with the
// card presence last reported for it.
type watchedReader struct {
	isCard  bool
	present bool
}

// watchReaders waits for reader and card changes on ctx until pcscd goes
// away (it returns that error) or Close (it returns nil).
func (p *PCSC) watchReaders(ctx *scard.Context) error {
	states := []scard.ReaderState{{Reader: pnpNotification, CurrentState: scard.StateUnaware}}
	watched := map[string]*watchedReader{}
	for !p.isClosed() {
		names, err := ctx.ListReaders()
		if err != nil && !errors.Is(err, scard.ErrNoReadersAvailable) {
			if serviceGone(err) {
				return err
			}
			p.log.Warn("list readers failed", "err", err)
			p.sleep(p.cfg.RetryMin)
			continue
		}
		states = p.syncReaders(states, watched, names)

		statusChangeMu.Lock()
		err = ctx.GetStatusChange(states, clampTimeout(p.cfg.PollTimeout))
		statusChangeMu.Unlock()
		switch {
		case err == nil:
			p.noteChanges(states, watched)
		case errors.Is(err, scard.ErrTimeout), errors.Is(err, scard.ErrCancelled):
		case errors.Is(err, scard.ErrUnknownReader), errors.Is(err, scard.ErrReaderUnavailable):
			// A reader went away between the listing and the wait.
		case serviceGone(err), errors.Is(err, scard.ErrCommError):
			// pcsc-lite 1.9.9 returns SCARD_F_COMM_ERROR when pcscd exits
			// during the wait.
			return err
		default:
			p.log.Warn("wait for reader changes failed", "err", err)
			p.sleep(p.cfg.RetryMin)
		}
	}
	return nil
}

// syncReaders brings the watched readers in line with the listed names,
// emitting ReaderAdded and ReaderRemoved (and CardRemoved for a card that
// was on a removed reader). It returns the new reader states, the
// PnP notification first.
func (p *PCSC) syncReaders(states []scard.ReaderState, watched map[string]*watchedReader, names []string) []scard.ReaderState {
	cardName, samName := p.pickReaders(names)
	for name, w := range watched {
		if name == cardName || name == samName {
			continue
		}
		delete(watched, name)
		if w.isCard && w.present {
			p.emit(Event{Kind: CardRemoved, Reader: name})
		}
		p.log.Info("reader removed", "reader", name)
		p.emit(Event{Kind: ReaderRemoved, Reader: name})
	}
	for _, name := range []string{cardName, samName} {
		if name == "" || watched[name] != nil {
			continue
		}
		watched[name] = &watchedReader{isCard: name == cardName}
		p.log.Info("reader added", "reader", name, "card", name == cardName)
		p.emit(Event{Kind: ReaderAdded, Reader: name})
	}

	next := states[:1]
	for _, s := range states[1:] {
		if watched[s.Reader] != nil {
			next = append(next, s)
		}
	}
	for name := range watched {
		if !slices.ContainsFunc(next, func(s scard.ReaderState) bool { return s.Reader == name }) {
			next = append(next, scard.ReaderState{Reader: name, CurrentState: scard.StateUnaware})
		}
	}
	return next
}

// noteChanges emits CardInserted and CardRemoved for the contactless
// reader and makes the reported states the current ones for the next wait.
func (p *PCSC) noteChanges(states []scard.ReaderState, watched map[string]*watchedReader) {
	for i := range states {
		s := &states[i]
		s.CurrentState = s.EventState &^ scard.StateChanged
		w := watched[s.Reader]
		if w == nil || !w.isCard {
			continue
		}
		present := s.EventState&scard.StatePresent != 0
		if present == w.present {
			continue
		}
		w.present = present
		if present {
			p.emit(Event{Kind: CardInserted, Reader: s.Reader})
		} else {
			p.emit(Event{Kind: CardRemoved, Reader: s.Reader})
		}
	}
}

func (p *PCSC) isClosed() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// setWatching records the watcher's context for Close to cancel. It
// returns false when the reader is already closed.
func (p *PCSC) setWatching(ctx *scard.Context) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if ctx != nil && p.closed {
		return false
	}
	p.watching = ctx
	return true
}

// sleep waits for d or until Close.
func (p *PCSC) sleep(d time.Duration) {
	t := time.NewTimer(clampTimeout(d))
	defer t.Stop()
	select {
	case <-t.C:
	case <-p.done:
	}
}

var _ Reader = (*PCSC)(nil)

// String names the reader for logs without the secret.
func (c PCSCConfig) String() string {
	return fmt.Sprintf("PCSCConfig{CardReader: %q, SAMReader: %q, SAMSecret: redacted}", c.CardReader, c.SAMReader)
}

// GoString hides the secret from %#v as well.
func (c PCSCConfig) GoString() string { return c.String() }
