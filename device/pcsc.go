package device

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/ebfe/scard"
)

// PCSCConfig configures the PC/SC reader.
type PCSCConfig struct {
	// CardReader and SAMReader select the contactless reader and the SAM
	// reader by name: a pattern with *, ? or [ is a path.Match glob on the
	// whole name, anything else a substring. The defaults are the names of
	// the two readers that Debian's vsmartcard-vpcd driver creates.
	CardReader string
	SAMReader  string
	// SAMSecret unlocks the SAM. Treat it like a password: it is never
	// logged or shown.
	SAMSecret [32]byte
	// Profile is the reading sequence; nil means &EKTPProfile{Secret: SAMSecret}.
	Profile Profile
	// Logger receives service, reader and error events; nil means slog.Default().
	Logger *slog.Logger
	// RetryMin and RetryMax bound the backoff between attempts to reach
	// pcscd while it is down. Defaults: 200 ms and 5 s.
	RetryMin, RetryMax time.Duration
	// PollTimeout is how long one wait for a reader change lasts before the
	// watcher lists the readers again. Default: 2 s.
	PollTimeout time.Duration
}

// Default reader names: the two readers of Debian's vsmartcard-vpcd.
const (
	DefaultCardReader = "Virtual PCD 00 00"
	DefaultSAMReader  = "Virtual PCD 00 01"
)

func (c *PCSCConfig) setDefaults() {
	if c.CardReader == "" {
		c.CardReader = DefaultCardReader
	}
	if c.SAMReader == "" {
		c.SAMReader = DefaultSAMReader
	}
	if c.Profile == nil {
		c.Profile = &EKTPProfile{Secret: c.SAMSecret}
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	if c.RetryMin <= 0 {
		c.RetryMin = 200 * time.Millisecond
	}
	if c.RetryMax < c.RetryMin {
		c.RetryMax = max(5*time.Second, c.RetryMin)
	}
	if c.PollTimeout <= 0 {
		c.PollTimeout = 2 * time.Second
	}
}

// PCSC is the Reader on a PC/SC service (pcscd). One goroutine watches
// readers and cards on its own PC/SC context, and each ReadCard transmits
// on a context of its own, because a blocked GetStatusChange stalls
// Transmit on the same context.
type PCSC struct {
	cfg    PCSCConfig
	log    *slog.Logger
	events chan Event
	done   chan struct{}
	wg     sync.WaitGroup

	mu       sync.Mutex
	closed   bool
	watching *scard.Context // the watcher's context while it is valid, for Close to cancel
}

// NewPCSC starts watching the PC/SC service. It does not fail when pcscd is
// down: the first event is then ServiceDown, and the watcher retries with
// backoff until ServiceUp.
func NewPCSC(cfg PCSCConfig) (*PCSC, error) {
	cfg.setDefaults()
	for _, pattern := range []string{cfg.CardReader, cfg.SAMReader} {
		if _, err := path.Match(pattern, ""); err != nil {
			return nil, fmt.Errorf("invalid reader name pattern %q: %w", pattern, err)
		}
	}
	p := &PCSC{
		cfg:    cfg,
		log:    cfg.Logger.With("component", "pcsc"),
		events: make(chan Event, 32),
		done:   make(chan struct{}),
	}
	p.wg.Add(1)
	go p.watch()
	return p, nil
}

// Events delivers service, reader and card changes until Close. After
// ServiceDown all readers and cards count as gone; ServiceUp is followed by
// ReaderAdded and CardInserted for what is present then.
func (p *PCSC) Events() <-chan Event { return p.events }

// Close stops the watcher and closes the event channel. A ReadCard that is
// running finishes its current APDU first.
func (p *PCSC) Close() error {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return nil
	}
	p.closed = true
	close(p.done)
	if p.watching != nil {
		p.watching.Cancel()
	}
	p.mu.Unlock()

	p.wg.Wait()
	close(p.events)
	return nil
}

// emit delivers an event unless the reader is closing. It blocks while the
// channel is full, so no event is lost.
func (p *PCSC) emit(e Event) {
	select {
	case p.events <- e:
	case <-p.done:
	}
}

// matchReader reports whether name matches a configured pattern.
// MatchReaderName reports whether a PC/SC reader name fits a configured
// pattern: a pattern with *, ? or [ is a path.Match glob on the whole name,
// anything else a substring.
func MatchReaderName(pattern, name string) bool {
	if strings.ContainsAny(pattern, "*?[") {
		ok, _ := path.Match(pattern, name)
		return ok
	}
	return strings.Contains(name, pattern)
}

// pickReaders returns the first reader that matches the card pattern and
// the first other reader that matches the SAM pattern, "" when none does.
func (p *PCSC) pickReaders(names []string) (card, sam string) {
	for _, n := range names {
		if card == "" && MatchReaderName(p.cfg.CardReader, n) {
			card = n
		}
	}
	for _, n := range names {
		if n != card && sam == "" && MatchReaderName(p.cfg.SAMReader, n) {
			sam = n
		}
	}
	return card, sam
}

// ReadCard connects to the card and the SAM on a fresh PC/SC context and
// runs the profile. Both are reset when the read ends, so no session state
// stays on them.
func (p *PCSC) ReadCard(ctx context.Context) (*Card, error) {
	start := time.Now()
	c, err := p.readCard(ctx)
	if err != nil {
		p.log.Warn("card read failed", "err", err, "duration", time.Since(start))
		return nil, err
	}
	p.log.Info("card read", "duration", time.Since(start))
	return c, nil
}

func (p *PCSC) readCard(ctx context.Context) (*Card, error) {
	tctx, err := scard.EstablishContext()
	if err != nil {
		return nil, fmt.Errorf("connect to pcscd: %w", classifyService(err, ErrServiceDown))
	}
	defer tctx.Release()

	names, err := tctx.ListReaders()
	if err != nil && !errors.Is(err, scard.ErrNoReadersAvailable) {
		return nil, fmt.Errorf("list readers: %w", classifyService(err, ErrNoReader))
	}
	cardName, samName := p.pickReaders(names)
	if cardName == "" {
		return nil, fmt.Errorf("no reader name matches %q among %d readers (check the reader cable and the card reader name setting): %w", p.cfg.CardReader, len(names), ErrNoReader)
	}
	if samName == "" {
		return nil, fmt.Errorf("no reader name matches %q among %d readers (check the SAM reader and the SAM reader name setting): %w", p.cfg.SAMReader, len(names), ErrNoSAM)
	}

	sam, err := connect(tctx, samName, scard.ProtocolT1, ErrNoSAM)
	if err != nil {
		return nil, err
	}
	defer release(sam, p.log, samName)

	card, err := connect(tctx, cardName, scard.ProtocolAny, ErrNoCard)
	if err != nil {
		return nil, err
	}
	defer release(card, p.log, cardName)

	return p.cfg.Profile.Read(ctx,
		&pcscTransmitter{card: card, reader: cardName, gone: ErrCardRemoved},
		&pcscTransmitter{card: sam, reader: samName, gone: ErrNoSAM})
}

// connect opens a shared connection and a transaction on a reader, so no
// other program can interleave APDUs with the sequence.
func connect(ctx *scard.Context, reader string, proto scard.Protocol, missing error) (*scard.Card, error) {
	card, err := ctx.Connect(reader, scard.ShareShared, proto)
	if err != nil {
		return nil, fmt.Errorf("connect to %q: %w", reader, classifyCard(err, missing))
	}
	if err := card.BeginTransaction(); err != nil {
		card.Disconnect(scard.LeaveCard)
		return nil, fmt.Errorf("begin transaction on %q: %w", reader, classifyCard(err, missing))
	}
	return card, nil
}

func release(card *scard.Card, log *slog.Logger, reader string) {
	if err := card.EndTransaction(scard.ResetCard); err != nil {
		log.Debug("end transaction failed", "reader", reader, "err", err)
	}
	if err := card.Disconnect(scard.ResetCard); err != nil {
		log.Debug("disconnect failed", "reader", reader, "err", err)
	}
}

// pcscTransmitter is a Transmitter on a connected card or SAM that maps
// PC/SC errors to the device errors.
type pcscTransmitter struct {
	card   *scard.Card
	reader string
	gone   error
}

func (t *pcscTransmitter) Transmit(apdu []byte) ([]byte, error) {
	resp, err := t.card.Transmit(apdu)
	if err != nil {
		return nil, fmt.Errorf("transmit on %q: %w", t.reader, classifyCard(err, t.gone))
	}
	return resp, nil
}
