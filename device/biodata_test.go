package device_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/disdikbud/kiosk/device"
	"github.com/disdikbud/kiosk/device/vcard"
)

func TestParseBiodataKeepsAllowedFields(t *testing.T) {
	r := vcard.Residents["budi"]
	b, err := device.ParseBiodata(r.Biodata())
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	if b.NIK != r.NIK || b.Name != r.Name || b.BirthDate != r.BirthDate || b.Kelurahan != r.Kelurahan {
		t.Errorf("parsed fields differ from the resident's")
	}
	for _, dropped := range []string{r.Religion, r.Citizenship} {
		if strings.Contains(strings.Join(fieldValues(b), "|"), dropped) {
			t.Errorf("parsed biodata still contains the dropped value %q", dropped)
		}
	}
}

func fieldValues(b device.Biodata) []string {
	return []string{b.NIK, b.Name, b.Sex, b.BirthPlace, b.BirthDate, b.MaritalStatus,
		b.Occupation, b.Street, b.RT, b.RW, b.Kelurahan, b.Kecamatan, b.Kabupaten}
}

func TestParseBiodataAcceptsNULPadding(t *testing.T) {
	raw := append(vcard.Residents["andi"].Biodata(), 0, 0, 0)
	if _, err := device.ParseBiodata(raw); err != nil {
		t.Errorf("NUL-padded biodata: %v", err)
	}
}

func TestParseBiodataRejectsMalformed(t *testing.T) {
	good := string(vcard.Residents["andi"].Biodata())
	nik := vcard.Residents["andi"].NIK
	cases := map[string]string{
		"empty":           "",
		"20 fields":       good[:strings.LastIndex(good, ",")],
		"22 fields":       good + `,""`,
		"unquoted field":  strings.Replace(good, `"KAWIN"`, `KAWIN`, 1),
		"no closing":      good[:len(good)-1],
		"space separator": strings.Replace(good, `","`, `" "`, 1),
		"non-ASCII":       strings.Replace(good, "JATIPURO", "JATIPUR\xc3\x96", 1),
		"short NIK":       strings.Replace(good, nik, nik[:15], 1),
		"letter in NIK":   strings.Replace(good, nik, "X"+nik[1:], 1),
		"sex":             strings.Replace(good, "LAKI-LAKI", "L", 1),
		"date order":      strings.Replace(good, "15-05-1980", "1980-05-15", 1),
		"impossible date": strings.Replace(good, "15-05-1980", "31-02-1980", 1),
		"trailing comma":  good + ",",
	}
	for name, raw := range cases {
		_, err := device.ParseBiodata([]byte(raw))
		if !errors.Is(err, device.ErrMalformed) {
			t.Errorf("%s: error %v, want ErrMalformed", name, err)
			continue
		}
		if strings.Contains(err.Error(), nik[:8]) {
			t.Errorf("%s: error %q shows part of the NIK", name, err)
		}
	}
}
