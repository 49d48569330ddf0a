package tui_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"

	"github.com/disdikbud/kiosk/app"
	"github.com/disdikbud/kiosk/client/dukcapiltest"
	"github.com/disdikbud/kiosk/device"
	"github.com/disdikbud/kiosk/tui"
	"github.com/disdikbud/kiosk/tui/i18n"
)

// screenLog keeps everything the program drew, so a test can wait for a
// text that arrived in an earlier frame.
type screenLog struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

// kiosk is a running kiosk on the real backend: a SQLite file in a temp
// directory, the fake gateway on loopback and the simulated reader.
type kiosk struct {
	t       *testing.T
	tm      *teatest.TestModel
	dataDir string
	backend *app.Backend
	sim     *device.Simulator
	seen    bytes.Buffer
	ready   bool // the backend's parts were seen up
}

func startKiosk(t *testing.T, lang i18n.Lang, w, h int, mutate func(*tui.Options)) *kiosk {
	t.Helper()
	return startKioskParts(t, lang, w, h, mutate, nil)
}

// startKioskParts is startKiosk with a change to the backend's parts.
func startKioskParts(t *testing.T, lang i18n.Lang, w, h int, mutate func(*tui.Options), mutateParts func(*app.Parts)) *kiosk {
	t.Helper()
	dataDir := t.TempDir()
	logFile, err := os.OpenFile(filepath.Join(dataDir, "kiosk.log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	previous := slog.Default()
	slog.SetDefault(slog.New(slog.NewJSONHandler(logFile, nil)))
	t.Cleanup(func() { slog.SetDefault(previous); logFile.Close() })

	sim := device.NewSimulator()
	parts := app.DemoParts(filepath.Join(dataDir, "kiosk.db"), sim)
	if mutateParts != nil {
		mutateParts(&parts)
	}
	backend := app.NewBackend(parts)
	now := time.Now()
	opts := tui.Options{
		Demo:           true,
		IdleTimeout:    time.Hour,
		FingerAttempts: 4,
		AgreementFrom:  now.AddDate(-1, 0, 0),
		AgreementUntil: now.AddDate(1, 0, 0),
		DemoCards:      app.DemoCards(),
		Simulator:      sim,
	}
	if mutate != nil {
		mutate(&opts)
	}
	renderer := lipgloss.NewRenderer(io.Discard)
	renderer.SetColorProfile(termenv.Ascii)
	model := tui.New(backend, lang, opts, renderer)
	tm := teatest.NewTestModel(t, model, teatest.WithInitialTermSize(w, h))
	t.Cleanup(func() {
		_ = tm.Quit()
		model.Close()
	})
	return &kiosk{t: t, tm: tm, dataDir: dataDir, backend: backend, sim: sim}
}

// waitFor waits until every text has been drawn since the last wait.
func (k *kiosk) waitFor(texts ...string) {
	k.t.Helper()
	var last []byte
	teatest.WaitFor(k.t, k.tm.Output(), func(b []byte) bool {
		last = b
		for _, s := range texts {
			if !bytes.Contains(b, []byte(s)) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
	k.seen.Write(last)
}

// waitReady waits until the status bar shows the gateway and the reader
// up, in its full or its narrow form.
func (k *kiosk) waitReady() {
	k.t.Helper()
	up := func(b []byte, full, narrow string) bool {
		return bytes.Contains(b, []byte(full)) || bytes.Contains(b, []byte(narrow))
	}
	teatest.WaitFor(k.t, k.tm.Output(), func(b []byte) bool {
		return up(b, "Dukcapil: siap", "Dukcapil: ✓") && up(b, "Pembaca: siap", "Pembaca: ✓")
	}, teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
	k.ready = true
}

func (k *kiosk) key(t tea.KeyType) { k.tm.Send(tea.KeyMsg{Type: t}) }
func (k *kiosk) typeText(s string) { k.tm.Type(s) }
func (k *kiosk) runes(s string) {
	k.tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)})
}

func (k *kiosk) signIn(id, pin string) {
	if !k.ready {
		k.waitReady()
	}
	k.key(tea.KeyEnter)
	k.waitFor("Masukkan ID operator")
	k.typeText(id)
	k.key(tea.KeyTab)
	k.typeText(pin)
	k.key(tea.KeyEnter)
}

// verifyCard signs in, presents demo card n and passes the fingerprint.
func (k *kiosk) verifyCard(n string) {
	k.signIn(app.DemoOperatorID, app.DemoOperatorPIN)
	k.waitFor("Tempelkan e-KTP pada pembaca kartu")
	k.runes(n)
	k.waitFor("e-KTP terverifikasi dengan sidik jari")
}

func TestRegistrationCardToQueuedBalikan(t *testing.T) {
	k := startKiosk(t, i18n.Indonesian, 100, 40, nil)
	father := dukcapiltest.Residents()[0]

	k.verifyCard("1")
	k.key(tea.KeyEnter)
	k.waitFor("Data ditemukan.", father.Name, father.NoKK)

	k.runes("b")
	k.waitFor("Balikan untuk NIK", father.NIK)
	k.typeText("dn-03 dl 0012345")
	k.key(tea.KeyTab)
	k.key(tea.KeyTab)
	k.typeText("123") // NUPTK too short
	k.key(tea.KeyCtrlS)
	k.waitFor("Harus 16 digit angka.", "DN-03 DL 0012345")

	for range 3 {
		k.key(tea.KeyBackspace)
	}
	k.typeText("1234567890123456")
	k.key(tea.KeyCtrlS)
	k.waitFor("Balikan tersimpan di antrean (nomor 1)", "sudah dihapus")

	k.key(tea.KeyEnter)
	k.waitFor("Kartu pemohon sebelumnya masih di pembaca")
	k.runes("r")
	k.waitFor("Tempelkan e-KTP pada pembaca kartu")

	// The delivery worker sends the record to the fake gateway; after
	// that not even the NIK may remain.
	deadline := time.Now().Add(10 * time.Second)
	for {
		stats, err := k.backend.QueueStats(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if stats.Delivered == 1 && stats.Pending+stats.Sending == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("balikan not delivered: queue %+v", stats)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err := k.backend.Store().Checkpoint(context.Background()); err != nil {
		t.Fatal(err)
	}
	assertNoPopulationData(t, k.dataDir, father, false)
}

func TestTypedNIKRejectedOnTheSpot(t *testing.T) {
	k := startKiosk(t, i18n.Indonesian, 100, 40, nil)
	k.verifyCard("1")

	cases := []struct{ typed, message string }{
		{"33130412", "NIK harus 16 digit; yang diketik 8 digit."},
		{"3313041232780003", "Tanggal lahir dalam NIK"},
		{"3313041205780000", "Nomor urut NIK (4 digit terakhir) tidak boleh 0000."},
	}
	k.runes("t")
	for _, c := range cases {
		k.runes(c.typed)
		k.key(tea.KeyEnter)
		k.waitFor(c.message, c.typed)
		for range len(c.typed) {
			k.key(tea.KeyBackspace)
		}
	}
	k.runes("x")
	k.waitFor("NIK hanya berisi angka.")
}

func TestTypedStudentNIKFound(t *testing.T) {
	k := startKiosk(t, i18n.Indonesian, 100, 40, nil)
	child := dukcapiltest.Residents()[1]
	k.verifyCard("1")
	k.runes("t")
	k.runes(child.NIK)
	k.key(tea.KeyEnter)
	k.waitFor("Data ditemukan.", child.Name)
	k.runes("b")
	k.waitFor("Balikan untuk NIK", child.NIK)
}

func TestFingerprintNoMatchThenMatch(t *testing.T) {
	k := startKiosk(t, i18n.Indonesian, 100, 40, nil)
	k.signIn(app.DemoOperatorID, app.DemoOperatorPIN)
	k.waitFor("Tempelkan e-KTP")
	k.runes("2") // the second demo card fails its first attempt
	k.waitFor("Sidik jari tidak cocok. Sisa percobaan: 3.")
	k.key(tea.KeyEnter)
	k.waitFor("e-KTP terverifikasi dengan sidik jari")
}

func TestNotAnEKTP(t *testing.T) {
	k := startKiosk(t, i18n.Indonesian, 100, 40, nil)
	k.signIn(app.DemoOperatorID, app.DemoOperatorPIN)
	k.waitFor("Tempelkan e-KTP")
	k.runes("0")
	k.waitFor("Kartu ini bukan e-KTP.")
}

func TestSignInRejections(t *testing.T) {
	k := startKiosk(t, i18n.Indonesian, 100, 40, nil)
	k.signIn(app.DemoOperatorID, "0000")
	k.waitFor("ID operator atau PIN salah.")
	k.key(tea.KeyEscape)
	k.waitFor("Tekan Enter untuk masuk")
	k.key(tea.KeyEnter)
	k.waitFor("Masukkan ID operator")
	k.typeText(app.DemoNoNDAID)
	k.key(tea.KeyTab)
	k.typeText(app.DemoNoNDAPIN)
	k.key(tea.KeyEnter)
	k.waitFor("belum memiliki tanggal penandatanganan")
}

func TestLookupRefusedOutsideAgreement(t *testing.T) {
	k := startKiosk(t, i18n.Indonesian, 100, 40, func(o *tui.Options) {
		o.AgreementFrom = time.Date(2022, 9, 16, 0, 0, 0, 0, time.Local)
		o.AgreementUntil = time.Date(2024, 9, 16, 0, 0, 0, 0, time.Local)
	})
	k.verifyCard("1")
	k.key(tea.KeyEnter)
	k.waitFor("Di luar masa berlaku perjanjian")
}

func TestEnglishCatalog(t *testing.T) {
	k := startKiosk(t, i18n.English, 100, 40, nil)
	k.waitFor("Press Enter to sign in", "Reader: ready")
}

func TestLockWipesRegistration(t *testing.T) {
	k := startKiosk(t, i18n.Indonesian, 100, 40, func(o *tui.Options) { o.Demo = false })
	father := dukcapiltest.Residents()[0]
	k.verifyCard("1")
	k.key(tea.KeyEnter)
	k.waitFor(father.Name)
	k.key(tea.KeyCtrlL)
	k.waitFor("Kiosk dikunci")

	k.key(tea.KeyCtrlC) // outside the demo, Ctrl+C requests a supervisor
	k.waitFor("memerlukan ID dan PIN supervisor")
	k.typeText(app.DemoOperatorID)
	k.key(tea.KeyTab)
	k.typeText(app.DemoOperatorPIN)
	k.key(tea.KeyEnter)
	k.waitFor("Bukan supervisor atau PIN salah")
}

func TestIdleTimeoutLocks(t *testing.T) {
	clock := &fakeClock{now: time.Now()}
	k := startKiosk(t, i18n.Indonesian, 100, 40, func(o *tui.Options) {
		o.IdleTimeout = time.Minute
		o.IdleWarning = 20 * time.Second
		o.Now = clock.Now
	})
	father := dukcapiltest.Residents()[0]
	k.verifyCard("1")
	k.key(tea.KeyEnter)
	k.waitFor(father.Name)

	clock.Add(45 * time.Second)
	k.waitFor("Dikunci dan data dihapus dalam 15 detik")
	clock.Add(20 * time.Second)
	k.waitFor("Kiosk dikunci karena tidak ada aktivitas")
}

func TestSmallWindows(t *testing.T) {
	for _, size := range [][2]int{{40, 12}, {80, 24}, {120, 30}} {
		k := startKiosk(t, i18n.Indonesian, size[0], size[1], nil)
		k.verifyCard("1")
		k.key(tea.KeyEnter)
		k.waitFor("Data ditemukan.")
		k.tm.Send(tea.WindowSizeMsg{Width: 39, Height: 11})
		k.waitFor("Jendela terlalu kecil")
	}
}

type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// assertNoPopulationData scans every file under dir for the resident's
// values. The NIK may remain while its balikan is queued.
func assertNoPopulationData(t *testing.T, dir string, r dukcapiltest.Resident, nikAllowed bool) {
	t.Helper()
	values := map[string]string{
		"name": r.Name, "No KK": r.NoKK, "birth place": r.BirthPlace,
		"street": r.Street, "occupation": r.Occupation,
		"birth date": r.BirthDate.Format("02-01-2006"),
	}
	if !nikAllowed {
		values["NIK"] = r.NIK
	}
	err := filepath.Walk(dir, func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		upper := strings.ToUpper(string(data))
		for what, v := range values {
			if v != "" && strings.Contains(upper, strings.ToUpper(v)) {
				t.Errorf("%s of the resident found in %s", what, filepath.Base(path))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
