package device_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/disdikbud/kiosk/device"
	"github.com/disdikbud/kiosk/device/vcard"
)

// eventTimeout covers pcscd's polling of vpcd (about 400 ms) with margin.
const eventTimeout = 5 * time.Second

func readTimeout() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), 20*time.Second)
}

func TestPCSCReadsCard(t *testing.T) {
	startPCSCD(t)
	insertSAM(t)
	r := newPCSC(t)
	waitEvent(t, r.Events(), device.ServiceUp, eventTimeout)

	resident := vcard.Residents["siti"]
	insert(t, vcard.NewCard(resident, vcard.ModeGenuine, vcard.CardOptions{}), vcard.DefaultCardPort, vcard.ServeOptions{})
	e := waitEvent(t, r.Events(), device.CardInserted, eventTimeout)
	if e.Reader != device.DefaultCardReader {
		t.Errorf("card inserted into %q, want %q", e.Reader, device.DefaultCardReader)
	}

	ctx, cancel := readTimeout()
	defer cancel()
	card, err := r.ReadCard(ctx)
	if err != nil {
		t.Fatalf("read card: %v", err)
	}
	defer card.Wipe()
	if card.Biodata.NIK != resident.NIK {
		t.Errorf("NIK %q, want %q", card.Biodata.NIK, resident.NIK)
	}
	if card.Biodata.Name != resident.Name {
		t.Errorf("name %q, want %q", card.Biodata.Name, resident.Name)
	}
	if len(card.Templates[0]) != 512 || len(card.Templates[1]) != 480 {
		t.Errorf("templates of %d and %d bytes, want 512 and 480", len(card.Templates[0]), len(card.Templates[1]))
	}

	// A second read on the same card works too: the first one reset the
	// card and the SAM.
	again, err := r.ReadCard(ctx)
	if err != nil {
		t.Fatalf("second read: %v", err)
	}
	again.Wipe()
}

func TestPCSCCardRemovedMidRead(t *testing.T) {
	startPCSCD(t)
	insertSAM(t)
	r := newPCSC(t)

	// After ten card APDUs the read is past the authentication, in the
	// secure reads.
	card := vcard.NewCard(vcard.Residents["andi"], vcard.ModeGenuine, vcard.CardOptions{})
	insert(t, card, vcard.DefaultCardPort, vcard.ServeOptions{CloseAfterAPDUs: 10})
	waitEvent(t, r.Events(), device.CardInserted, eventTimeout)

	ctx, cancel := readTimeout()
	defer cancel()
	_, err := r.ReadCard(ctx)
	if !errors.Is(err, device.ErrCardRemoved) {
		t.Fatalf("read error %v, want ErrCardRemoved", err)
	}
	waitEvent(t, r.Events(), device.CardRemoved, eventTimeout)

	_, err = r.ReadCard(ctx)
	if !errors.Is(err, device.ErrNoCard) {
		t.Errorf("read after removal: error %v, want ErrNoCard", err)
	}
}

func TestPCSCWrongCard(t *testing.T) {
	startPCSCD(t)
	insertSAM(t)
	r := newPCSC(t)
	insert(t, vcard.NewCard(vcard.Residents["andi"], vcard.ModeWrongCard, vcard.CardOptions{}), vcard.DefaultCardPort, vcard.ServeOptions{})
	waitEvent(t, r.Events(), device.CardInserted, eventTimeout)

	ctx, cancel := readTimeout()
	defer cancel()
	_, err := r.ReadCard(ctx)
	if !errors.Is(err, device.ErrNotEKTP) {
		t.Errorf("read error %v, want ErrNotEKTP", err)
	}
}

func TestPCSCSAMMissing(t *testing.T) {
	startPCSCD(t)
	r := newPCSC(t)
	insert(t, vcard.NewCard(vcard.Residents["andi"], vcard.ModeGenuine, vcard.CardOptions{}), vcard.DefaultCardPort, vcard.ServeOptions{})
	waitEvent(t, r.Events(), device.CardInserted, eventTimeout)

	ctx, cancel := readTimeout()
	defer cancel()
	_, err := r.ReadCard(ctx)
	if !errors.Is(err, device.ErrNoSAM) {
		t.Errorf("read error %v, want ErrNoSAM", err)
	}
}

func TestPCSCServiceRestart(t *testing.T) {
	d := startPCSCD(t)
	keepInserted(t, vcard.NewSAM(vcard.DemoSAMSecret), vcard.DefaultSAMPort)
	keepInserted(t, vcard.NewCard(vcard.Residents["budi"], vcard.ModeGenuine, vcard.CardOptions{}), vcard.DefaultCardPort)
	r := newPCSC(t)
	waitEvent(t, r.Events(), device.ServiceUp, eventTimeout)
	waitEvent(t, r.Events(), device.CardInserted, eventTimeout)

	d.stop()
	e := waitEvent(t, r.Events(), device.ServiceDown, eventTimeout)
	if !errors.Is(e.Err, device.ErrServiceDown) {
		t.Errorf("ServiceDown event error %v, want ErrServiceDown", e.Err)
	}
	ctx, cancel := readTimeout()
	defer cancel()
	if _, err := r.ReadCard(ctx); !errors.Is(err, device.ErrServiceDown) {
		t.Errorf("read while pcscd is down: error %v, want ErrServiceDown", err)
	}

	d.start()
	waitEvent(t, r.Events(), device.ServiceUp, eventTimeout)
	waitEvent(t, r.Events(), device.CardInserted, eventTimeout)
	waitPresent(t, device.DefaultSAMReader, eventTimeout)
	card, err := r.ReadCard(ctx)
	if err != nil {
		t.Fatalf("read after pcscd restarted: %v", err)
	}
	defer card.Wipe()
	if card.Biodata.NIK != vcard.Residents["budi"].NIK {
		t.Errorf("NIK after restart differs from the card's")
	}
}

func TestPCSCFingerprintNoMatchThenMatch(t *testing.T) {
	startPCSCD(t)
	insertSAM(t)
	r := newPCSC(t)
	insert(t, vcard.NewCard(vcard.Residents["andi"], vcard.ModeGenuine, vcard.CardOptions{}), vcard.DefaultCardPort, vcard.ServeOptions{})
	waitEvent(t, r.Events(), device.CardInserted, eventTimeout)

	ctx, cancel := readTimeout()
	defer cancel()
	card, err := r.ReadCard(ctx)
	if err != nil {
		t.Fatalf("read card: %v", err)
	}
	defer card.Wipe()

	state := filepath.Join(t.TempDir(), "calls")
	m := device.NewHelperMatcher(fingersimPath(t), []string{"-script", "nomatch,match", "-state", state}, 5*time.Second)
	first, err := m.Match(ctx, card.Templates)
	if err != nil {
		t.Fatalf("first attempt: %v", err)
	}
	if first.Matched {
		t.Errorf("first attempt matched, want a non-match")
	}
	second, err := m.Match(ctx, card.Templates)
	if err != nil {
		t.Fatalf("second attempt: %v", err)
	}
	if !second.Matched {
		t.Errorf("second attempt did not match: %+v", second)
	}
}

func TestPCSCVcardCommand(t *testing.T) {
	startPCSCD(t)
	r := newPCSC(t)
	waitEvent(t, r.Events(), device.ServiceUp, eventTimeout)

	vc := exec.Command(commandPath(t, "KIOSK_VCARD", "vcard"), "-card", "siti", "-mode", "tamper", "-retry", "50ms")
	var log bytes.Buffer
	vc.Stderr = &log
	if err := vc.Start(); err != nil {
		t.Fatalf("start cmd/vcard: %v", err)
	}
	defer func() {
		vc.Process.Signal(os.Interrupt)
		if err := vc.Wait(); err != nil {
			t.Errorf("cmd/vcard did not stop cleanly: %v\n%s", err, log.String())
		}
	}()
	waitEvent(t, r.Events(), device.CardInserted, eventTimeout)
	waitPresent(t, device.DefaultSAMReader, eventTimeout)

	ctx, cancel := readTimeout()
	defer cancel()
	_, err := r.ReadCard(ctx)
	if !errors.Is(err, device.ErrTampered) {
		t.Errorf("read of a tamper-mode card from cmd/vcard: error %v, want ErrTampered", err)
	}
}

func TestPCSCStartsWithoutService(t *testing.T) {
	requirePCSC(t)
	r := newPCSC(t)
	e := waitEvent(t, r.Events(), device.ServiceDown, eventTimeout)
	if !errors.Is(e.Err, device.ErrServiceDown) {
		t.Errorf("ServiceDown event error %v, want ErrServiceDown", e.Err)
	}

	startPCSCD(t)
	waitEvent(t, r.Events(), device.ServiceUp, eventTimeout)
	added := waitEvent(t, r.Events(), device.ReaderAdded, eventTimeout)
	if added.Reader != device.DefaultCardReader && added.Reader != device.DefaultSAMReader {
		t.Errorf("reader %q added, want one of the vpcd readers", added.Reader)
	}
}
