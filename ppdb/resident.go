package ppdb

import "time"

// Sex is jenis kelamin as the civil registry records it.
type Sex int

const (
	SexUnknown Sex = iota
	SexMale        // LAKI-LAKI
	SexFemale      // PEREMPUAN
)

// ParseSex reads the registry's and the chip's spelling of jenis kelamin.
func ParseSex(s string) Sex {
	switch normalizeUpper(s) {
	case "LAKI-LAKI", "LAKI LAKI", "L", "1", "MALE":
		return SexMale
	case "PEREMPUAN", "P", "2", "FEMALE":
		return SexFemale
	}
	return SexUnknown
}

// Address is alamat sekarang, the ninth element, in the registry's parts.
type Address struct {
	Street    string // ALAMAT
	RT        string
	RW        string
	Kelurahan string // KEL_NAME
	Kecamatan string // KEC_NAME
	Kabupaten string // KAB_NAME
	Province  string // PROP_NAME
}

// Resident holds the nine data elements that the agreement with Dukcapil
// allows (No KK, NIK, nama lengkap, jenis kelamin, tempat lahir, tanggal
// lahir, status perkawinan, jenis pekerjaan, alamat sekarang) and nothing
// else. It is population data: keep it in memory for one registration and
// call Wipe when the registration ends.
type Resident struct {
	NoKK          string
	NIK           string
	Name          string
	Sex           Sex
	BirthPlace    string
	BirthDate     time.Time
	MaritalStatus string
	Occupation    string
	Address       Address
}

// Wipe drops every value the resident holds.
//
// NOTE: Go strings are immutable and may share memory with the buffers they
// were decoded from, so Wipe removes the references and leaves the bytes to
// the garbage collector. Byte buffers the kiosk owns (APDU replies, HTTP
// bodies) are zeroed where they are read.
func (r *Resident) Wipe() {
	*r = Resident{}
}

// String hides the contents so that a resident passed to a logger or a
// format verb by mistake prints nothing personal.
func (r Resident) String() string { return "ppdb.Resident{redacted}" }

// GoString hides the contents from %#v as well.
func (r Resident) GoString() string { return r.String() }
