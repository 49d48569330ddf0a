package ppdb

import (
	"encoding/csv"
	"os"
	"slices"
	"testing"
)

// namePair is one row of testdata/names.csv.
type namePair struct {
	claimed, recorded, want, why string
}

func readNamePairs(t testing.TB) []namePair {
	t.Helper()
	f, err := os.Open("testdata/names.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()

	r := csv.NewReader(f)
	r.Comment = '#'
	r.FieldsPerRecord = 4
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}

	var pairs []namePair
	for _, row := range rows[1:] {
		pairs = append(pairs, namePair{row[0], row[1], row[2], row[3]})
	}
	return pairs
}

func TestMatchNamesPairTable(t *testing.T) {
	pairs := readNamePairs(t)
	if len(pairs) < 60 {
		t.Fatalf("name-pair table has %d pairs, want at least 60", len(pairs))
	}
	for _, p := range pairs {
		got := MatchNames(p.claimed, p.recorded, DefaultMatchThreshold)
		if got.Status.Code() != wantCode(p.want) {
			t.Errorf("MatchNames(%q, %q) = %s score %d %v, want %s (%s)",
				p.claimed, p.recorded, got.Status.Code(), got.Score, got.Differences, p.want, p.why)
		}
	}
}

// wantCode maps the table's short verdicts to status codes.
func wantCode(want string) string {
	if want == "near" {
		return "near-match"
	}
	return want
}

func TestMatchNamesDifferences(t *testing.T) {
	cases := []struct {
		claimed, recorded string
		diffs             []string
		kinds             []DifferenceKind
	}{
		{"A. SANTOSO", "AGUS SANTOSO", []string{"A/AGUS"}, []DifferenceKind{DiffInitial}},
		{"MUHAMMAD PRATAMA", "MUHAMMAD RIZKY PRATAMA", []string{"/RIZKY"}, []DifferenceKind{DiffMissing}},
		{"RIZKY ADITYA", "RIZKY", []string{"ADITYA/"}, []DifferenceKind{DiffExtra}},
		{"AGUS SANTOSO", "BUDI SANTOSO", []string{"AGUS/", "/BUDI"}, []DifferenceKind{DiffOtherWord}},
		{"SANTOSO AGUS", "AGUS SANTOSO", nil, []DifferenceKind{DiffOrder}},
		{"FAUZI", "FAUZU", []string{"FAUZI/FAUZU"}, []DifferenceKind{DiffSpelling}},
		{"H. Agus Santoso", "AGUS SANTOSO", nil, nil},
	}
	for _, c := range cases {
		got := MatchNames(c.claimed, c.recorded, DefaultMatchThreshold)
		if !slices.Equal(got.Differences, c.diffs) {
			t.Errorf("MatchNames(%q, %q).Differences = %q, want %q", c.claimed, c.recorded, got.Differences, c.diffs)
		}
		if !slices.Equal(got.Kinds, c.kinds) {
			t.Errorf("MatchNames(%q, %q).Kinds = %q, want %q", c.claimed, c.recorded, got.Kinds, c.kinds)
		}
	}
}

func TestMatchNamesThreshold(t *testing.T) {
	// FAUZI against FAUZU scores 80: a match from threshold 80 down, a near
	// match up to threshold 105 (the near band is 25 wide), and thresholds
	// outside 1-100 mean the default 85.
	cases := []struct {
		threshold int
		want      VerdictStatus
	}{
		{85, VerdictNearMatch},
		{80, VerdictMatch},
		{100, VerdictNearMatch},
		{10, VerdictMatch},
		{0, VerdictNearMatch},
		{101, VerdictNearMatch},
	}
	for _, c := range cases {
		got := MatchNames("FAUZI", "FAUZU", c.threshold)
		if got.Score != 80 {
			t.Fatalf("score = %d, want 80", got.Score)
		}
		if got.Status != c.want {
			t.Errorf("threshold %d: status %s, want %s", c.threshold, got.Status.Code(), c.want.Code())
		}
	}
	// A score of 0 stays a mismatch however low the threshold.
	if got := MatchNames("FAUZI", "FAUZAN", 10); got.Status != VerdictMismatch {
		t.Errorf("FAUZI/FAUZAN at threshold 10: status %s score %d, want mismatch", got.Status.Code(), got.Score)
	}
}

func TestMatchPlaces(t *testing.T) {
	cases := []struct {
		claimed, recorded string
		want              VerdictStatus
	}{
		{"Kab. Karanganyar", "KARANGANYAR", VerdictMatch},
		{"KOTA SURAKARTA", "SOERAKARTA", VerdictMatch},
		{"Karanganyar", "KARANGANJAR", VerdictMatch},
		{"Sukoharjo", "SUKAHARJO", VerdictMatch},
		{"Sragen", "SRAGIN", VerdictNearMatch},
		{"Karanganyar", "SRAGEN", VerdictMismatch},
		{"", "SRAGEN", VerdictNotChecked},
	}
	for _, c := range cases {
		if got := MatchPlaces(c.claimed, c.recorded, DefaultMatchThreshold); got.Status != c.want {
			t.Errorf("MatchPlaces(%q, %q) = %s score %d, want %s", c.claimed, c.recorded, got.Status.Code(), got.Score, c.want.Code())
		}
	}
}

func TestFieldVerdictStringHidesData(t *testing.T) {
	v := MatchNames("AGUS SANTOSO", "BUDI SANTOSO", DefaultMatchThreshold)
	for _, s := range []string{v.String(), v.GoString()} {
		if s != "ppdb.FieldVerdict{mismatch}" {
			t.Errorf("String = %q, want status only", s)
		}
	}
}

func BenchmarkMatchNames(b *testing.B) {
	pairs := readNamePairs(b)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		p := pairs[i%len(pairs)]
		MatchNames(p.claimed, p.recorded, DefaultMatchThreshold)
	}
}

func BenchmarkNormalizeName(b *testing.B) {
	for b.Loop() {
		NormalizeName("Drs. H. Mochamad Soedjatmiko Wibisono, S.Pd., M.Pd.")
	}
}

func FuzzMatchNames(f *testing.F) {
	for _, p := range readNamePairs(f) {
		f.Add(p.claimed, p.recorded)
	}
	f.Fuzz(func(t *testing.T, claimed, recorded string) {
		got := MatchNames(claimed, recorded, DefaultMatchThreshold)
		if got.Score < 0 || got.Score > 100 {
			t.Fatalf("MatchNames(%q, %q) score %d, want 0-100", claimed, recorded, got.Score)
		}
		if NormalizeName(claimed) == "" && got.Status != VerdictNotChecked {
			t.Fatalf("MatchNames(%q, %q) = %s, want not-checked for an empty claim", claimed, recorded, got.Status.Code())
		}
		self := MatchNames(claimed, claimed, DefaultMatchThreshold)
		if NormalizeName(claimed) != "" && (self.Status != VerdictMatch || self.Score != 100) {
			t.Fatalf("MatchNames(%q, itself) = %s score %d, want match 100", claimed, self.Status.Code(), self.Score)
		}
	})
}
