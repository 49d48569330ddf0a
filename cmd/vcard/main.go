// Command vcard puts the project's virtual e-KTP and virtual SAM into the
// two readers of a local pcscd with Debian's vsmartcard-vpcd driver, for
// tests and for "kiosk demo --reader pcsc". The residents on the cards are
// invented and the keys are made up.
//
// It reconnects when vpcd goes away (pcscd restarted) until it is stopped
// with SIGINT or SIGTERM.
package main

import (
	"context"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/disdikbud/kiosk/device/vcard"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "vcard:", err)
		os.Exit(2)
	}
}

func run() error {
	resident := flag.String("card", "andi", "resident on the virtual e-KTP, one of "+strings.Join(vcard.ResidentKeys(), ", ")+"; \"none\" for no card")
	modeName := flag.String("mode", "genuine", "card mode: genuine, wrong (not an e-KTP), tamper (replies changed after their MAC) or badsig (invalid biodata signature)")
	withSAM := flag.Bool("sam", true, "put the virtual SAM into the second reader")
	secretHex := flag.String("sam-secret", "", "SAM unlock secret as 64 hex digits (default: the made-up demo secret)")
	host := flag.String("vpcd-host", "127.0.0.1", "address where vpcd listens")
	cardPort := flag.Int("card-port", vcard.DefaultCardPort, "vpcd port of the contactless reader")
	samPort := flag.Int("sam-port", vcard.DefaultSAMPort, "vpcd port of the SAM reader")
	retry := flag.Duration("retry", time.Second, "wait between attempts to reach vpcd")
	flag.Parse()

	mode, err := vcard.ParseMode(*modeName)
	if err != nil {
		return err
	}
	secret, err := parseSecret(*secretHex)
	if err != nil {
		return err
	}

	var applets []slot
	if *resident != "none" {
		r, ok := vcard.Residents[*resident]
		if !ok {
			return fmt.Errorf("unknown resident %q: use one of %s or none", *resident, strings.Join(vcard.ResidentKeys(), ", "))
		}
		applets = append(applets, slot{"card", net.JoinHostPort(*host, strconv.Itoa(*cardPort)), vcard.NewCard(r, mode, vcard.CardOptions{})})
	}
	if *withSAM {
		applets = append(applets, slot{"SAM", net.JoinHostPort(*host, strconv.Itoa(*samPort)), vcard.NewSAM(secret)})
	}
	if len(applets) == 0 {
		return errors.New("nothing to serve: give -card or -sam")
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))

	var wg sync.WaitGroup
	for _, s := range applets {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.serve(ctx, log, *retry)
		}()
	}
	wg.Wait()
	return nil
}

func parseSecret(s string) ([32]byte, error) {
	if s == "" {
		return vcard.DemoSAMSecret, nil
	}
	var secret [32]byte
	raw, err := hex.DecodeString(s)
	if err != nil || len(raw) != len(secret) {
		return secret, errors.New("invalid -sam-secret: give exactly 64 hex digits")
	}
	copy(secret[:], raw)
	return secret, nil
}

// slot is one applet and the vpcd address of its reader.
type slot struct {
	name   string
	addr   string
	applet vcard.Applet
}

// serve keeps the applet in its reader: it connects, serves until the
// connection ends, and connects again after retry until ctx is done.
func (s slot) serve(ctx context.Context, log *slog.Logger, retry time.Duration) {
	failures := 0
	for ctx.Err() == nil {
		conn, err := vcard.Dial(ctx, s.addr)
		if err != nil {
			if failures%30 == 0 {
				log.Warn("vpcd not reachable, retrying", "slot", s.name, "addr", s.addr, "retry", retry, "err", err)
			}
			failures++
			sleep(ctx, retry)
			continue
		}
		failures = 0
		log.Info("inserted", "slot", s.name, "addr", s.addr)

		stop := context.AfterFunc(ctx, func() { conn.Close() })
		err = conn.Serve(s.applet, vcard.ServeOptions{})
		stop()
		s.applet.Reset()
		if err != nil {
			log.Warn("connection to vpcd failed", "slot", s.name, "err", err)
		}
		log.Info("removed", "slot", s.name)
		sleep(ctx, retry)
	}
}

func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}
