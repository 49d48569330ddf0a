package device_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/disdikbud/kiosk/device"
	"github.com/disdikbud/kiosk/device/vcard"
)

// newPair returns a virtual card for the resident in the given mode and a
// virtual SAM with the demo secret.
func newPair(t *testing.T, resident string, mode vcard.Mode, opts vcard.CardOptions) (*vcard.Card, *vcard.SAM) {
	t.Helper()
	r, ok := vcard.Residents[resident]
	if !ok {
		t.Fatalf("no virtual resident %q", resident)
	}
	return vcard.NewCard(r, mode, opts), vcard.NewSAM(vcard.DemoSAMSecret)
}

func readPair(card, sam device.Transmitter) (*device.Card, error) {
	p := &device.EKTPProfile{Secret: vcard.DemoSAMSecret}
	return p.Read(context.Background(), card, sam)
}

func TestProfileReadsGenuineCard(t *testing.T) {
	card, sam := newPair(t, "siti", vcard.ModeGenuine, vcard.CardOptions{})
	got, err := readPair(card, sam)
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	want := vcard.Residents["siti"]
	b := got.Biodata
	checks := []struct{ name, got, want string }{
		{"NIK", b.NIK, want.NIK},
		{"Name", b.Name, want.Name},
		{"Sex", b.Sex, want.Sex},
		{"BirthPlace", b.BirthPlace, want.BirthPlace},
		{"BirthDate", b.BirthDate, want.BirthDate},
		{"MaritalStatus", b.MaritalStatus, want.MaritalStatus},
		{"Occupation", b.Occupation, want.Occupation},
		{"Street", b.Street, want.Street},
		{"RT", b.RT, want.RT},
		{"RW", b.RW, want.RW},
		{"Kelurahan", b.Kelurahan, want.Kelurahan},
		{"Kecamatan", b.Kecamatan, want.Kecamatan},
		{"Kabupaten", b.Kabupaten, want.Kabupaten},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	for i, wantLen := range []int{512, 480} {
		tpl := got.Templates[i]
		if len(tpl) != wantLen {
			t.Errorf("template %d has %d bytes, want %d", i+1, len(tpl), wantLen)
		}
		if !bytes.HasPrefix(tpl, []byte("FMR\x00")) {
			t.Errorf("template %d does not start with FMR\\0", i+1)
		}
	}
	if bytes.Equal(got.Templates[0], got.Templates[1]) {
		t.Error("both templates are equal, want two fingers")
	}
}

func TestProfileReadsFileEndingOnChunk(t *testing.T) {
	// 448 is two whole reads of E0, so the end shows only as 6B 00; 224
	// is one whole read; 225 ends with a one-byte read.
	for _, lengths := range [][2]int{{448, 224}, {225, 12}} {
		card, sam := newPair(t, "andi", vcard.ModeGenuine, vcard.CardOptions{TemplateLengths: lengths})
		got, err := readPair(card, sam)
		if err != nil {
			t.Fatalf("read with templates of %v bytes: %v", lengths, err)
		}
		for i := range lengths {
			if len(got.Templates[i]) != lengths[i] {
				t.Errorf("template %d has %d bytes, want %d", i+1, len(got.Templates[i]), lengths[i])
			}
		}
	}
}

func TestProfileCardFaults(t *testing.T) {
	cases := []struct {
		mode vcard.Mode
		want error
	}{
		{vcard.ModeWrongCard, device.ErrNotEKTP},
		{vcard.ModeTamper, device.ErrTampered},
		{vcard.ModeBadSignature, device.ErrBadSignature},
	}
	for _, c := range cases {
		card, sam := newPair(t, "budi", c.mode, vcard.CardOptions{})
		got, err := readPair(card, sam)
		if !errors.Is(err, c.want) {
			t.Errorf("mode %d: error %v, want %v", c.mode, err, c.want)
		}
		if got != nil {
			t.Errorf("mode %d: returned a card along with the error", c.mode)
		}
	}
}

func TestProfileSAMWrongSecretThenLocked(t *testing.T) {
	card, sam := newPair(t, "andi", vcard.ModeGenuine, vcard.CardOptions{})
	wrong := &device.EKTPProfile{Secret: [32]byte{1, 2, 3}}

	_, err := wrong.Read(context.Background(), card, sam)
	if !errors.Is(err, device.ErrSAMWrongSecret) {
		t.Fatalf("first wrong secret: error %v, want ErrSAMWrongSecret", err)
	}
	if !strings.Contains(err.Error(), "tries left before the SAM locks: 2") {
		t.Errorf("first wrong secret: error %q does not say 2 tries are left", err)
	}
	var wrongSecret *device.WrongSecretError
	if !errors.As(err, &wrongSecret) || wrongSecret.TriesLeft != 2 {
		t.Errorf("first wrong secret: error %v does not carry TriesLeft 2", err)
	}

	_, err = wrong.Read(context.Background(), card, sam)
	if !errors.Is(err, device.ErrSAMWrongSecret) || !strings.Contains(err.Error(), "tries left before the SAM locks: 1") {
		t.Errorf("second wrong secret: error %v, want ErrSAMWrongSecret with 1 try left", err)
	}

	_, err = wrong.Read(context.Background(), card, sam)
	if !errors.Is(err, device.ErrSAMLocked) {
		t.Errorf("third wrong secret: error %v, want ErrSAMLocked", err)
	}

	_, err = readPair(card, sam)
	if !errors.Is(err, device.ErrSAMLocked) {
		t.Errorf("right secret after lock: error %v, want ErrSAMLocked", err)
	}
}

func TestProfileErrorsHideSecrets(t *testing.T) {
	card, sam := newPair(t, "andi", vcard.ModeGenuine, vcard.CardOptions{})
	_, err := (&device.EKTPProfile{Secret: [32]byte{0xAB}}).Read(context.Background(), card, sam)
	if err == nil {
		t.Fatal("read with a wrong secret succeeded")
	}
	if strings.Contains(strings.ToUpper(err.Error()), "AB 00") {
		t.Errorf("error %q shows the secret", err)
	}
	if strings.Contains(err.Error(), vcard.Residents["andi"].NIK) {
		t.Errorf("error %q shows the NIK", err)
	}
}

// tamperer changes one response of the wrapped transmitter: the response
// to the first command whose INS is ins.
type tamperer struct {
	device.Transmitter
	ins  byte
	done bool
}

func (m *tamperer) Transmit(apdu []byte) ([]byte, error) {
	resp, err := m.Transmitter.Transmit(apdu)
	if err == nil && !m.done && len(apdu) > 1 && apdu[1] == m.ins && len(resp) > 2 {
		m.done = true
		resp[0] ^= 0x01
	}
	return resp, err
}

func TestProfileAuthFailed(t *testing.T) {
	// A changed SAM answer fails at the card (63 00), a changed card proof
	// fails at the SAM (69 82).
	card, sam := newPair(t, "andi", vcard.ModeGenuine, vcard.CardOptions{})
	_, err := readPair(card, &tamperer{Transmitter: sam, ins: 0xF1})
	if !errors.Is(err, device.ErrAuthFailed) {
		t.Errorf("changed SAM answer: error %v, want ErrAuthFailed", err)
	}

	card, sam = newPair(t, "andi", vcard.ModeGenuine, vcard.CardOptions{})
	_, err = readPair(&tamperer{Transmitter: card, ins: 0x82}, sam)
	if !errors.Is(err, device.ErrAuthFailed) {
		t.Errorf("changed card proof: error %v, want ErrAuthFailed", err)
	}
}

// dropper fails every command after the first n, as a card taken away.
type dropper struct {
	device.Transmitter
	n int
}

var errGone = errors.New("transport: card gone")

func (d *dropper) Transmit(apdu []byte) ([]byte, error) {
	if d.n == 0 {
		return nil, errGone
	}
	d.n--
	return d.Transmitter.Transmit(apdu)
}

func TestProfileCardRemovedMidRead(t *testing.T) {
	card, sam := newPair(t, "andi", vcard.ModeGenuine, vcard.CardOptions{})
	_, err := readPair(&dropper{Transmitter: card, n: 8}, sam)
	if !errors.Is(err, device.ErrCardRemoved) {
		t.Errorf("error %v, want ErrCardRemoved", err)
	}
	if !errors.Is(err, errGone) {
		t.Errorf("error %v does not keep the transport error", err)
	}

	_, err = readPair(card, &dropper{Transmitter: sam, n: 3})
	if !errors.Is(err, device.ErrNoSAM) {
		t.Errorf("SAM gone: error %v, want ErrNoSAM", err)
	}
}

func TestProfileStopsWhenCancelled(t *testing.T) {
	card, sam := newPair(t, "andi", vcard.ModeGenuine, vcard.CardOptions{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := (&device.EKTPProfile{Secret: vcard.DemoSAMSecret}).Read(ctx, card, sam)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
}

// recorder keeps every response of the wrapped transmitter.
type recorder struct {
	device.Transmitter
	responses [][]byte
	commands  [][]byte
}

func (r *recorder) Transmit(apdu []byte) ([]byte, error) {
	resp, err := r.Transmitter.Transmit(apdu)
	r.commands = append(r.commands, append([]byte(nil), apdu...))
	r.responses = append(r.responses, resp)
	return resp, err
}

func TestProfileZeroesPlainReplies(t *testing.T) {
	card, sam := newPair(t, "siti", vcard.ModeGenuine, vcard.CardOptions{})
	rec := &recorder{Transmitter: sam}
	got, err := readPair(card, rec)
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	got.Wipe()

	unwraps := 0
	for i, cmd := range rec.commands {
		if cmd[1] != 0xF4 {
			continue
		}
		unwraps++
		resp := rec.responses[i]
		// The last four bytes are the plain status word and 90 00.
		if plain := resp[:len(resp)-4]; !bytes.Equal(plain, make([]byte, len(plain))) {
			t.Errorf("unwrapped reply %d still holds %d bytes of card data", unwraps, len(plain))
		}
	}
	if unwraps < 10 {
		t.Errorf("saw %d SAM unwraps, want at least 10 for four files", unwraps)
	}
}

func TestProfileSendsCommandsWithoutLe(t *testing.T) {
	card, sam := newPair(t, "andi", vcard.ModeGenuine, vcard.CardOptions{})
	rec := &recorder{Transmitter: sam}
	if _, err := readPair(card, rec); err != nil {
		t.Fatalf("read: %v", err)
	}
	for _, cmd := range rec.commands {
		if len(cmd) > 5 && len(cmd) != 5+int(cmd[4]) {
			t.Errorf("SAM command % X has %d bytes, want header, Lc and %d data bytes only", cmd[:5], len(cmd), cmd[4])
		}
	}
	if want := []byte{0x00, 0xF0, 0x00, 0x00, 0x20}; !bytes.Equal(rec.commands[0][:5], want) {
		t.Errorf("first SAM command % X, want unlock % X", rec.commands[0][:5], want)
	}
}

// emptier returns an empty response to one command, as pcscd does when
// vpcd loses the card in the middle of a command.
type emptier struct {
	device.Transmitter
	after int
}

func (e *emptier) Transmit(apdu []byte) ([]byte, error) {
	if e.after == 0 {
		return nil, nil
	}
	e.after--
	return e.Transmitter.Transmit(apdu)
}

func TestProfileEmptyResponseIsRemoval(t *testing.T) {
	for _, after := range []int{0, 3, 9} {
		card, sam := newPair(t, "andi", vcard.ModeGenuine, vcard.CardOptions{})
		_, err := readPair(&emptier{Transmitter: card, after: after}, sam)
		if !errors.Is(err, device.ErrCardRemoved) {
			t.Errorf("empty response after %d commands: error %v, want ErrCardRemoved", after, err)
		}
	}
}
