package tui_test

import (
	"context"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/disdikbud/kiosk/client/dukcapiltest"
	"github.com/disdikbud/kiosk/tui"
	"github.com/disdikbud/kiosk/tui/i18n"
)

// claimsForm is what the operator types into the verification form, in
// field order. An empty field is left empty.
type claimsForm struct {
	name, birthPlace, birthDate, sex, address, noKK, level string
}

// fillClaims types the form field by field, then presses Ctrl+S to check it.
func (k *kiosk) fillClaims(f claimsForm) {
	k.t.Helper()
	for _, v := range []string{f.name, f.birthPlace, f.birthDate, f.sex, f.address, f.noKK, f.level} {
		if v != "" {
			k.typeText(v)
		}
		k.key(tea.KeyTab)
	}
	k.key(tea.KeyCtrlS)
}

// lookUpFatherAndVerify looks up demo card 1 (the father) with CALL_NIK
// and opens the verification screen for his record.
func lookUpFatherAndVerify(t *testing.T) (*kiosk, dukcapiltest.Resident) {
	t.Helper()
	k := startKiosk(t, i18n.Indonesian, 100, 40, func(o *tui.Options) { o.AdmissionYear = 2026 })
	father := dukcapiltest.Residents()[0]
	k.verifyCard("1")
	k.key(tea.KeyEnter)
	k.waitFor(father.Name)
	k.runes("v")
	return k, father
}

func TestVerifyLocalExactMatch(t *testing.T) {
	k, father := lookUpFatherAndVerify(t)
	k.waitFor("Cara: dibandingkan di kiosk dengan data Dukcapil", "Nama lengkap")
	used := k.backend.Quota().Used

	k.fillClaims(claimsForm{
		name: "Bambang Fiktif Susilo", birthPlace: "Kab. Karanganyar", birthDate: "12-05-1978",
		sex: "L", noKK: father.NoKK,
	})
	k.waitFor(
		"Nama lengkap: cocok",
		"Tempat lahir: cocok",
		"Tanggal lahir: cocok",
		"Jenis kelamin: cocok",
		"Alamat: tidak diperiksa",
		"No KK: cocok",
		"Ringkasan untuk formulir (tidak disimpan):",
	)
	if got := k.backend.Quota().Used; got != used {
		t.Errorf("local verification used %d hits, want none", got-used)
	}
}

func TestVerifyLocalNearMatch(t *testing.T) {
	k, _ := lookUpFatherAndVerify(t)
	k.waitFor("Nama lengkap")

	// A title, an old spelling (oe for u) and an initial for the middle
	// name: the initial alone makes it a near match.
	k.fillClaims(claimsForm{name: "H. Bambang F. Soesilo", birthDate: "12-07-1978"})
	k.waitFor(
		"Nama lengkap: hampir cocok (skor 80): inisial untuk kata lengkap; beda: F/FIKTIF",
		"Tanggal lahir: hampir cocok",
		"bulan berbeda",
	)
}

func TestVerifyLocalMismatch(t *testing.T) {
	k, _ := lookUpFatherAndVerify(t)
	k.waitFor("Nama lengkap")

	k.fillClaims(claimsForm{name: "Joko Widodo", birthPlace: "Surabaya", sex: "P"})
	k.waitFor(
		"Nama lengkap: tidak cocok",
		"Tempat lahir: tidak cocok",
		"Jenis kelamin: tidak cocok",
		"Nama lengkap tidak cocok; Tempat lahir tidak cocok",
	)
}

func TestVerifyBadDateStaysInField(t *testing.T) {
	k, _ := lookUpFatherAndVerify(t)
	k.waitFor("Nama lengkap")

	k.fillClaims(claimsForm{name: "Bambang Fiktif Susilo", birthDate: "31-02-1978", sex: "X"})
	k.waitFor(
		"31-02-1978",
		"Tanggal tidak valid: ketik dd-mm-yyyy",
		"Ketik L (laki-laki) atau P (perempuan).",
		"Perbaiki kolom yang ditandai",
	)
}

func TestVerifyFamilyLinkAndAge(t *testing.T) {
	k := startKiosk(t, i18n.Indonesian, 100, 40, func(o *tui.Options) { o.AdmissionYear = 2026 })
	father, child := dukcapiltest.Residents()[0], dukcapiltest.Residents()[1]
	k.verifyCard("1")
	k.key(tea.KeyEnter)
	k.waitFor(father.Name)
	k.runes("t")
	k.runes(child.NIK)
	k.key(tea.KeyEnter)
	k.waitFor(child.Name)

	k.runes("v")
	k.waitFor("Cara: dibandingkan di kiosk dengan data Dukcapil")
	k.fillClaims(claimsForm{name: "Rizky Fiktif Pratama", birthDate: "23-07-2012", level: "smp"})
	k.waitFor(
		"No KK siswa sama dengan No KK orang tua pemegang e-KTP.",
		"Usia: 13 tahun 11 bulan pada 01-07-2026. Memenuhi syarat usia SMP.",
		"KK sama",
	)
}

func TestVerifyAgeTooOldForSMP(t *testing.T) {
	k := startKiosk(t, i18n.Indonesian, 100, 40, func(o *tui.Options) { o.AdmissionYear = 2029 })
	child := dukcapiltest.Residents()[1]
	k.verifyCard("1")
	k.runes("t")
	k.runes(child.NIK)
	k.key(tea.KeyEnter)
	k.waitFor("Data ditemukan.", child.Name)

	k.runes("v")
	k.fillClaims(claimsForm{level: "SMP"})
	k.waitFor("16 tahun 11 bulan", "Melebihi batas usia SMP (paling tinggi 15 tahun).")
}

func TestVerifyAgeSDNeedsException(t *testing.T) {
	k := startKiosk(t, i18n.Indonesian, 100, 40, func(o *tui.Options) { o.AdmissionYear = 2019 })
	pupil := dukcapiltest.Residents()[3] // born 11-08-2013
	k.verifyCard("1")
	k.runes("t")
	k.runes(pupil.NIK)
	k.key(tea.KeyEnter)
	k.waitFor(pupil.Name)

	k.runes("v")
	k.fillClaims(claimsForm{level: "SD"})
	k.waitFor("5 tahun 10 bulan pada 01-07-2019", "PENGECUALIAN: di bawah 6 tahun", "Usia pengecualian")
}

func TestVerifyByElementNIKWarning(t *testing.T) {
	k := startKiosk(t, i18n.Indonesian, 100, 40, nil)
	k.verifyCard("1") // the father's NIK encodes a man born 12-05-78

	k.runes("v")
	k.waitFor("Cara: dicocokkan oleh Dukcapil")
	k.fillClaims(claimsForm{birthDate: "12-05-1978", sex: "P"})
	k.waitFor(
		"Jenis kelamin: tidak cocok",
		"Peringatan: jenis kelamin dalam NIK berbeda dengan formulir (bukan penolakan).",
	)
}

func TestVerifyByElementWithoutRecord(t *testing.T) {
	k := startKiosk(t, i18n.Indonesian, 100, 40, func(o *tui.Options) { o.AdmissionYear = 2026 })
	father := dukcapiltest.Residents()[0]
	k.verifyCard("1")
	used := k.backend.Quota().Used

	k.runes("v") // nothing looked up yet: the gateway verifies
	k.waitFor("Cara: dicocokkan oleh Dukcapil")
	k.fillClaims(claimsForm{name: "Bambang Fiktif Susilo", birthDate: "12-05-1978", sex: "L", noKK: father.NoKK})
	k.waitFor(
		"Nama lengkap: cocok (skor 100)",
		"Tanggal lahir: cocok",
		"Jenis kelamin: cocok",
		"No KK: cocok",
		"Tempat lahir: tidak diperiksa",
	)
	if got := k.backend.Quota().Used; got != used+1 {
		t.Fatalf("verification used %d hits, want 1", got-used)
	}

	// A second check of the same NIK is not sent.
	k.key(tea.KeyEnter)
	k.waitFor("Nama lengkap")
	k.key(tea.KeyCtrlS)
	k.waitFor("NIK ini sudah diverifikasi di Dukcapil pada pendaftaran ini")
	if got := k.backend.Quota().Used; got != used+1 {
		t.Errorf("second verification used another hit: %d in all, want 1", got-used)
	}

	// Neither is a CALL_NIK of the same NIK.
	k.key(tea.KeyEscape)
	k.waitFor("Tekan Enter untuk mencari NIK")
	k.key(tea.KeyEnter)
	k.waitFor("NIK ini sudah dicari pada pendaftaran ini")
	if got := k.backend.Quota().Used; got != used+1 {
		t.Errorf("lookup after verification used another hit: %d in all, want 1", got-used)
	}

	// The claims and verdicts were shown, never written.
	if err := k.backend.Store().Checkpoint(context.Background()); err != nil {
		t.Fatal(err)
	}
	assertNoPopulationData(t, k.dataDir, father, false)
}

func TestVerifyEnglishCatalog(t *testing.T) {
	k, _ := lookUpFatherAndVerify(t)
	k.waitFor("Nama lengkap")
	k.key(tea.KeyF2) // the operator switches the kiosk to English
	k.waitFor("Method: compared on the kiosk with the Dukcapil record", "Full name")

	k.fillClaims(claimsForm{name: "H. Bambang F. Soesilo", birthDate: "31-13-1978"})
	k.waitFor("Invalid date: type dd-mm-yyyy")
	k.key(tea.KeyShiftTab)
	k.key(tea.KeyShiftTab)
	k.key(tea.KeyShiftTab)
	k.key(tea.KeyShiftTab)
	k.key(tea.KeyShiftTab) // back on the date of birth
	for range len("31-13-1978") {
		k.key(tea.KeyBackspace)
	}
	k.typeText("12-05-1978")
	k.key(tea.KeyCtrlS)
	k.waitFor(
		"Full name: near match (score 80): an initial for a whole word",
		"Date of birth: match",
		"Summary for the form (not stored):",
	)
}

func TestVerifySmallWindow(t *testing.T) {
	k := startKiosk(t, i18n.Indonesian, 40, 12, nil)
	k.verifyCard("1")
	k.key(tea.KeyEnter)
	k.waitFor("Data ditemukan.")
	k.runes("v")
	k.waitFor("Cara: dibandingkan")
	k.fillClaims(claimsForm{name: "Bambang Fiktif Susilo"})
	k.waitFor("Nama lengkap: cocok")
}
