package vcard

import (
	"crypto/sha256"
	"fmt"
	"sort"
	"strings"
)

// Resident is an invented card holder. The NIKs use region 3313 and the
// names are made up, so none of them is a real person.
type Resident struct {
	NIK           string
	Street        string
	RT, RW        string
	BirthPlace    string
	Kecamatan     string
	Kelurahan     string
	Kabupaten     string
	Sex           string // LAKI-LAKI or PEREMPUAN
	BloodType     string
	Religion      string
	MaritalStatus string
	Occupation    string
	Name          string
	BirthDate     string // dd-mm-yyyy
	Citizenship   string
}

// Residents are the virtual cards that cmd/vcard and the tests can present,
// by short key.
var Residents = map[string]Resident{
	"andi": {
		NIK: "3313011505800007", Street: "JL. PERCOBAAN NO. 12", RT: "003", RW: "005",
		BirthPlace: "KARANGANYAR", Kecamatan: "JATIPURO", Kelurahan: "JATIPURO",
		Kabupaten: "KARANGANYAR", Sex: "LAKI-LAKI", BloodType: "O", Religion: "ISLAM",
		MaritalStatus: "KAWIN", Occupation: "WIRASWASTA", Name: "ANDI PERCOBAAN",
		BirthDate: "15-05-1980", Citizenship: "WNI",
	},
	"siti": {
		NIK: "3313054208850002", Street: "DUSUN CONTOH RT 01", RT: "001", RW: "002",
		BirthPlace: "SURAKARTA", Kecamatan: "KARANGPANDAN", Kelurahan: "DOPLANG",
		Kabupaten: "KARANGANYAR", Sex: "PEREMPUAN", BloodType: "A", Religion: "ISLAM",
		MaritalStatus: "KAWIN", Occupation: "MENGURUS RUMAH TANGGA", Name: "SITI CONTOH RAHAYU",
		BirthDate: "02-08-1985", Citizenship: "WNI",
	},
	"budi": {
		NIK: "3313102312920001", Street: "PERUM SIMULASI BLOK C-7", RT: "007", RW: "011",
		BirthPlace: "KARANGANYAR", Kecamatan: "TASIKMADU", Kelurahan: "NGIJO",
		Kabupaten: "KARANGANYAR", Sex: "LAKI-LAKI", BloodType: "-", Religion: "KRISTEN",
		MaritalStatus: "BELUM KAWIN", Occupation: "KARYAWAN SWASTA", Name: "BUDI UJICOBA",
		BirthDate: "23-12-1992", Citizenship: "WNI",
	},
}

// ResidentKeys returns the keys of Residents in sorted order.
func ResidentKeys() []string {
	keys := make([]string, 0, len(Residents))
	for k := range Residents {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Biodata encodes the resident as the chip's EF 6FF1: 21 ASCII fields in
// double quotes, separated by commas. Fields 15 to 18 and 20, whose
// meaning is not public, hold made-up filler.
func (r Resident) Biodata() []byte {
	fields := [21]string{
		r.NIK, r.Street, r.RT, r.RW, r.BirthPlace, r.Kecamatan, r.Kelurahan,
		r.Kabupaten, r.Sex, r.BloodType, r.Religion, r.MaritalStatus,
		r.Occupation, r.Name, r.BirthDate, "SEUMUR HIDUP", "", "", "01-01-2012",
		r.Citizenship, "",
	}
	quoted := make([]string, len(fields))
	for i, f := range fields {
		quoted[i] = `"` + f + `"`
	}
	return []byte(strings.Join(quoted, ","))
}

// control builds the card-control file EF 6FF0 (53 bytes): a made-up
// layout of a tag, a version and a serial number derived from the NIK.
func (r Resident) control() []byte {
	out := make([]byte, 53)
	copy(out, "EKTP")
	out[4] = 0x01
	serial := sha256.Sum256([]byte("serial " + r.NIK))
	copy(out[5:21], serial[:16])
	return out
}

// template builds a made-up ISO/IEC 19794-2 finger minutiae record of the
// given length: the "FMR\0" magic, version " 20\0", the record length and
// filler derived from the NIK and the finger.
func (r Resident) template(finger, length int) []byte {
	if length < 12 {
		panic(fmt.Sprintf("vcard: template length %d is shorter than its header", length))
	}
	out := make([]byte, 0, length)
	out = append(out, "FMR\x00 20\x00"...)
	out = append(out, byte(length>>24), byte(length>>16), byte(length>>8), byte(length))
	seed := sha256.Sum256(fmt.Appendf(nil, "minutiae %s %d", r.NIK, finger))
	for len(out) < length {
		out = append(out, seed[len(out)%len(seed)]^byte(len(out)))
	}
	return out
}
