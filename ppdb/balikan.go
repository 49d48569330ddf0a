package ppdb

import (
	"strings"
)

// BalikanField is one of the eight elements the office returns to Dukcapil.
type BalikanField int

const (
	FieldIjazah        BalikanField = iota // Nomor Ijazah
	FieldSKPI                              // Nomor Surat Keterangan Pengganti Ijazah
	FieldNUPTK                             // Nomor ID Tenaga Pendidik
	FieldNITK                              // Nomor ID Tenaga Kependidikan
	FieldScholarship                       // Keterangan Penerima Beasiswa
	FieldSchoolName                        // Nama Sekolah
	FieldAccreditation                     // Jenis Akreditasi
	FieldSchoolAddress                     // Alamat Sekolah
	balikanFieldCount
)

// BalikanFields lists the eight fields in the order of the entry form and
// of exported files.
var BalikanFields = []BalikanField{
	FieldIjazah, FieldSKPI, FieldNUPTK, FieldNITK,
	FieldScholarship, FieldSchoolName, FieldAccreditation, FieldSchoolAddress,
}

// DefaultParamKey returns the key a field is sent under inside the
// delivery's "param" list. The gateway's keys are not public, so the
// configuration may replace these.
func (f BalikanField) DefaultParamKey() string {
	switch f {
	case FieldIjazah:
		return "NO_IJAZAH"
	case FieldSKPI:
		return "NO_SKPI"
	case FieldNUPTK:
		return "NO_ID_PENDIDIK"
	case FieldNITK:
		return "NO_ID_KEPENDIDIKAN"
	case FieldScholarship:
		return "KET_BEASISWA"
	case FieldSchoolName:
		return "NAMA_SEKOLAH"
	case FieldAccreditation:
		return "AKREDITASI"
	case FieldSchoolAddress:
		return "ALAMAT_SEKOLAH"
	}
	return ""
}

// LengthLimits returns the shortest and longest value, in characters, that
// a free-text or document-number field accepts; 0, 0 for the others.
func (f BalikanField) LengthLimits() (min, max int) {
	switch f {
	case FieldIjazah, FieldSKPI:
		return 4, 40
	case FieldSchoolName:
		return 3, 100
	case FieldSchoolAddress:
		return 5, 200
	}
	return 0, 0
}

// Balikan is the data balikan for one NIK: the office's own data, which may
// be queued on disk until it is delivered or exported.
type Balikan struct {
	NIK    string
	Values [balikanFieldCount]string
}

// Get returns the value of field f.
func (b Balikan) Get(f BalikanField) string { return b.Values[f] }

// Set stores the value of field f as typed; Normalize cleans it later.
func (b *Balikan) Set(f BalikanField, v string) { b.Values[f] = v }

// BalikanProblem names why a balikan field is invalid.
type BalikanProblem string

const (
	ProblemAllEmpty      BalikanProblem = "all-empty"
	ProblemCharacters    BalikanProblem = "characters"
	ProblemTooShort      BalikanProblem = "too-short"
	ProblemTooLong       BalikanProblem = "too-long"
	ProblemSixteenDigits BalikanProblem = "sixteen-digits"
	ProblemSameAsNIK     BalikanProblem = "same-as-nik"
	ProblemAccreditation BalikanProblem = "accreditation"
	ProblemScholarship   BalikanProblem = "scholarship"
	ProblemSchoolMissing BalikanProblem = "school-missing"
)

// BalikanError reports one invalid field.
type BalikanError struct {
	Field   BalikanField
	Problem BalikanProblem
}

func (e BalikanError) Error() string {
	return "invalid balikan field " + e.Field.DefaultParamKey() + ": " + string(e.Problem)
}

// ScholarshipKinds are the accepted codes for Keterangan Penerima Beasiswa:
// Kartu Indonesia Pintar, Program Indonesia Pintar, Program Keluarga
// Harapan, Kartu Keluarga Sejahtera, a regional government scholarship, and
// TIDAK for none.
var ScholarshipKinds = []string{"KIP", "PIP", "PKH", "KKS", "PEMDA", "LAINNYA", "TIDAK"}

// Normalize returns b with every value trimmed, upper-cased where the
// format is upper case, and inner white space collapsed.
func (b Balikan) Normalize() Balikan {
	out := Balikan{NIK: strings.TrimSpace(b.NIK)}
	for _, f := range BalikanFields {
		v := strings.Join(strings.Fields(b.Values[f]), " ")
		switch f {
		case FieldIjazah, FieldSKPI, FieldAccreditation, FieldScholarship:
			v = strings.ToUpper(v)
		case FieldNUPTK, FieldNITK:
			v = strings.ReplaceAll(v, " ", "")
		}
		if f == FieldAccreditation {
			v = canonicalAccreditation(v)
		}
		if f == FieldScholarship {
			v = canonicalScholarship(v)
		}
		out.Values[f] = v
	}
	return out
}

// Validate checks a normalised record and returns one error per invalid
// field, in form order. Every field is optional on its own, because a
// parent has no ijazah to report and a student no NUPTK, but at least one
// must be filled, and a school's accreditation or address needs its name.
func (b Balikan) Validate() []BalikanError {
	var errs []BalikanError
	add := func(f BalikanField, p BalikanProblem) { errs = append(errs, BalikanError{f, p}) }

	empty := true
	for _, f := range BalikanFields {
		if b.Values[f] != "" {
			empty = false
		}
	}
	if empty {
		return []BalikanError{{FieldIjazah, ProblemAllEmpty}}
	}

	for _, f := range []BalikanField{FieldIjazah, FieldSKPI} {
		if v := b.Values[f]; v != "" {
			if p, ok := checkDocumentNumber(v, f); !ok {
				add(f, p)
			}
		}
	}
	for _, f := range []BalikanField{FieldNUPTK, FieldNITK} {
		if v := b.Values[f]; v != "" {
			if !IsDigits(v) || len(v) != 16 {
				add(f, ProblemSixteenDigits)
			} else if v == b.NIK {
				add(f, ProblemSameAsNIK)
			}
		}
	}
	if v := b.Values[FieldScholarship]; v != "" && !validScholarship(v) {
		add(FieldScholarship, ProblemScholarship)
	}
	if v := b.Values[FieldSchoolName]; v != "" {
		if p, ok := checkFreeText(v, FieldSchoolName); !ok {
			add(FieldSchoolName, p)
		}
	}
	if v := b.Values[FieldAccreditation]; v != "" && !validAccreditation(v) {
		add(FieldAccreditation, ProblemAccreditation)
	}
	if v := b.Values[FieldSchoolAddress]; v != "" {
		if p, ok := checkFreeText(v, FieldSchoolAddress); !ok {
			add(FieldSchoolAddress, p)
		}
	}
	if b.Values[FieldSchoolName] == "" &&
		(b.Values[FieldAccreditation] != "" || b.Values[FieldSchoolAddress] != "") {
		add(FieldSchoolName, ProblemSchoolMissing)
	}
	return errs
}

// checkDocumentNumber accepts the characters that Nomor Ijazah formats have
// used over the years (older ones such as DN-03 Dl 0012345): upper-case
// letters, digits, space, '.', '/' and '-'.
func checkDocumentNumber(v string, f BalikanField) (BalikanProblem, bool) {
	min, max := f.LengthLimits()
	if len(v) < min {
		return ProblemTooShort, false
	}
	if len(v) > max {
		return ProblemTooLong, false
	}
	for _, r := range v {
		switch {
		case r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		case r == ' ', r == '.', r == '/', r == '-':
		default:
			return ProblemCharacters, false
		}
	}
	return "", true
}

// checkFreeText accepts printable text of a school's name or address.
func checkFreeText(v string, f BalikanField) (BalikanProblem, bool) {
	min, max := f.LengthLimits()
	n := len([]rune(v))
	if n < min {
		return ProblemTooShort, false
	}
	if n > max {
		return ProblemTooLong, false
	}
	for _, r := range v {
		if r < ' ' || r == 0x7f || strings.ContainsRune("<>{}|\\^`\"", r) {
			return ProblemCharacters, false
		}
	}
	return "", true
}

func canonicalAccreditation(v string) string {
	switch v {
	case "UNGGUL":
		return "A"
	case "BAIK":
		return "B"
	case "CUKUP":
		return "C"
	case "TIDAK TERAKREDITASI", "T", "TIDAK":
		return "TT"
	}
	return v
}

func validAccreditation(v string) bool {
	return v == "A" || v == "B" || v == "C" || v == "TT"
}

// canonicalScholarship sorts nothing and drops nothing: it only rewrites
// separators so "kip , pkh" becomes "KIP,PKH".
func canonicalScholarship(v string) string {
	parts := strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ';' || r == '/' || r == ' ' })
	return strings.Join(parts, ",")
}

func validScholarship(v string) bool {
	seen := map[string]bool{}
	for _, part := range strings.Split(v, ",") {
		ok := false
		for _, kind := range ScholarshipKinds {
			if part == kind {
				ok = true
			}
		}
		if !ok || seen[part] {
			return false
		}
		seen[part] = true
	}
	return !(seen["TIDAK"] && len(seen) > 1)
}

// IsDigits reports whether s is not empty and contains only the ASCII
// digits 0-9.
func IsDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
