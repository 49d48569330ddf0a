package device_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/disdikbud/kiosk/device"
)

// Seed corpora shared with other tools live at the repository root.
const (
	biodataSeeds = "../testdata/biodata"
	apduSeeds    = "../testdata/apdu"
)

func FuzzParseBiodata(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(biodataSeeds, "*.txt"))
	if len(files) == 0 {
		f.Fatalf("no biodata seeds in %s", biodataSeeds)
	}
	for _, name := range files {
		raw, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw)
	}

	f.Fuzz(func(t *testing.T, raw []byte) {
		b, err := device.ParseBiodata(raw)
		if err != nil {
			if !errors.Is(err, device.ErrMalformed) {
				t.Fatalf("error %v does not wrap ErrMalformed", err)
			}
			if b != (device.Biodata{}) {
				t.Fatal("returned biodata along with an error")
			}
			return
		}
		if len(b.NIK) != 16 {
			t.Errorf("accepted a NIK of %d bytes", len(b.NIK))
		}
		if b.Sex != "LAKI-LAKI" && b.Sex != "PEREMPUAN" {
			t.Errorf("accepted an unknown sex")
		}
	})
}

// script replays responses from one byte stream: each response is a
// length byte and that many bytes. An exhausted stream fails the transmit.
type script struct {
	stream []byte
}

var errScriptEnd = errors.New("script exhausted")

func (s *script) Transmit([]byte) ([]byte, error) {
	if len(s.stream) == 0 {
		return nil, errScriptEnd
	}
	n := min(int(s.stream[0]), len(s.stream)-1)
	resp := append([]byte(nil), s.stream[1:1+n]...)
	s.stream = s.stream[1+n:]
	return resp, nil
}

// loadAPDUSeed reads a seed file, one response in hex a line, and encodes
// it as a script stream.
func loadAPDUSeed(f testing.TB, name string) []byte {
	file, err := os.Open(name)
	if err != nil {
		f.Fatal(err)
	}
	defer file.Close()
	var stream []byte
	lines := bufio.NewScanner(file)
	lines.Buffer(nil, 1<<20)
	for lines.Scan() {
		line := lines.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		resp, err := hex.DecodeString(strings.ReplaceAll(line, " ", ""))
		if err != nil || len(resp) > 255 {
			f.Fatalf("%s: invalid response line %q", name, line)
		}
		stream = append(stream, byte(len(resp)))
		stream = append(stream, resp...)
	}
	return stream
}

var allDeviceErrors = []error{
	device.ErrNoSAM, device.ErrSAMWrongSecret, device.ErrSAMLocked, device.ErrNotEKTP,
	device.ErrCardRemoved, device.ErrAuthFailed, device.ErrBadSignature, device.ErrMalformed,
	device.ErrTampered,
}

func FuzzProfileResponses(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(apduSeeds, "*.txt"))
	if len(files) == 0 {
		f.Fatalf("no APDU seeds in %s", apduSeeds)
	}
	for _, name := range files {
		f.Add(loadAPDUSeed(f, name))
	}

	f.Fuzz(func(t *testing.T, stream []byte) {
		// Card and SAM take their responses from one stream, in the order
		// the profile sends its commands.
		s := &script{stream: stream}
		card, err := (&device.EKTPProfile{}).Read(context.Background(), s, s)
		if err != nil {
			for _, target := range allDeviceErrors {
				if errors.Is(err, target) {
					return
				}
			}
			t.Fatalf("error %v wraps no device error", err)
		}
		for i, tpl := range card.Templates {
			if !bytes.HasPrefix(tpl, []byte("FMR\x00")) {
				t.Errorf("accepted template %d without an FMR header", i+1)
			}
		}
		if len(card.Biodata.NIK) != 16 {
			t.Errorf("accepted a NIK of %d bytes", len(card.Biodata.NIK))
		}
	})
}

func TestScriptReplaysGenuineSeed(t *testing.T) {
	s := &script{stream: loadAPDUSeed(t, filepath.Join(apduSeeds, "genuine.txt"))}
	card, err := (&device.EKTPProfile{}).Read(context.Background(), s, s)
	if err != nil {
		t.Fatalf("replay of the genuine session: %v", err)
	}
	if card.Biodata.Name != "ANDI PERCOBAAN" {
		t.Errorf("replayed name %q, want the seed's made-up resident", card.Biodata.Name)
	}
	if len(s.stream) != 0 {
		t.Errorf("%d bytes of the seed left unread", len(s.stream))
	}
}
