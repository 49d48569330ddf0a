package ppdb

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalizeName(t *testing.T) {
	cases := []struct{ in, want string }{
		{"  agus   santoso ", "AGUS SANTOSO"},
		{"NUR'AINI", "NURAINI"},
		{"Nur’aini", "NURAINI"},
		{"Rina-Marlina", "RINA MARLINA"},
		{"A.SANTOSO", "A SANTOSO"},
		{"Drs. H. Bambang Sutrisno, M.Pd.", "BAMBANG SUTRISNO"},
		{"Eko Prasetyo S.Pd.I", "EKO PRASETYO"},
		{"Dr. Anita Setyaningsih, S.E., M.M.", "ANITA SETYANINGSIH"},
		{"H.Ahmad", "AHMAD"},
		{"HADJI AHMAD", "AHMAD"},
		{"H.", "H"},
		{"Hj. S.Pd.", "SPD"},
		{"AGUS S.PD. SANTOSO", "AGUS SPD SANTOSO"},
		{"IMRON BIN MASHURI", "IMRON MASHURI"},
		{"SITI BINTI", "SITI BINTI"},
		{"Muh. Rizky", "MUHAMMAD RIZKY"},
		{"MOCHAMAD ILHAM", "MUHAMMAD ILHAM"},
		{"MOEHAMMAD", "MUHAMMAD"},
		{"M. Faisal", "MUHAMMAD FAISAL"},
		{"M", "M"},
		{"AGUS M", "AGUS M"},
		{"St. Maisaroh", "SITI MAISAROH"},
		{"MAISAROH ST", "MAISAROH"},
		{"SOEDJATMIKO", "SUJATMIKO"},
		{"TJAHJO", "CAHJO"},
		{"SJAMSUL", "SYAMSUL"},
		{"CHOIRUL", "KHOIRUL"},
		{"NJOTO", "NJOTO"},
		{"DDJJ", "JJ"},
		{"José Ñoño", "JOSE NONO"},
		{"ＡＧＵＳ", "AGUS"},
		{"", ""},
		{" ,. ", ""},
		{"AGUS\xffSANTOSO", "AGUS SANTOSO"},
	}
	for _, c := range cases {
		if got := NormalizeName(c.in); got != c.want {
			t.Errorf("NormalizeName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestNormalizePlace(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Kab. Karanganyar", "KARANGANYAR"},
		{"KAB.KARANGANYAR", "KARANGANYAR"},
		{"KABUPATEN KARANGANYAR", "KARANGANYAR"},
		{"Kota Surakarta", "SURAKARTA"},
		{"KOTA ADM. JAKARTA TIMUR", "JAKARTA TIMUR"},
		{"Kotamadya Semarang", "SEMARANG"},
		{"SOERAKARTA", "SURAKARTA"},
		{"KOTA", "KOTA"},
		{"KOTA KOTA", "KOTA"},
		{"Sukoharjo", "SUKOHARJO"},
	}
	for _, c := range cases {
		if got := NormalizePlace(c.in); got != c.want {
			t.Errorf("NormalizePlace(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// checkNormalized asserts the properties every normalised value has: valid
// UTF-8, only A-Z, 0-9 and single inner spaces, and idempotence.
func checkNormalized(t *testing.T, name string, normalize func(string) string, in string) {
	t.Helper()
	once := normalize(in)
	if !utf8.ValidString(once) {
		t.Fatalf("%s(%q) = %q, not valid UTF-8", name, in, once)
	}
	if strings.Trim(once, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ") != "" ||
		strings.Contains(once, "  ") || strings.TrimSpace(once) != once {
		t.Fatalf("%s(%q) = %q, want words of A-Z and 0-9", name, in, once)
	}
	if twice := normalize(once); twice != once {
		t.Fatalf("%s not idempotent: %q -> %q -> %q", name, in, once, twice)
	}
}

var normalizeSeeds = []string{
	"Drs. H. Bambang Sutrisno, M.Pd.", "NUR'AINI", "M. ST. H.", "H.AHMAD",
	"ST H AHMAD", "BIN BIN BIN", "A BIN BIN B", "DDJJOOEE", "TTJJ SSJJ CCHH",
	"KOTA ADM. KAB.", "José\u0301", "\xff\xfe", "ǅEMAL", "ﬁ", "ı", "Ⅻ",
	"a.b.c.d", "S.PD.I.", "Hj. S.Pd.", "M", "", " ",
}

func FuzzNormalizeName(f *testing.F) {
	for _, s := range normalizeSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		checkNormalized(t, "NormalizeName", NormalizeName, in)
	})
}

func FuzzNormalizePlace(f *testing.F) {
	for _, s := range normalizeSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		checkNormalized(t, "NormalizePlace", NormalizePlace, in)
	})
}
