package ppdb

import (
	"strings"
	"time"
)

// MatchDates compares a claimed date of birth with the recorded one by
// calendar date. Equal dates match (score 100). A swapped day and month, or
// a difference in exactly one of day, month and year, is a near match
// (score 50) because it is the usual typing slip. Anything else is a
// mismatch. A zero date on either side is not checked.
func MatchDates(claimed, recorded time.Time) FieldVerdict {
	if claimed.IsZero() || recorded.IsZero() {
		return FieldVerdict{Status: VerdictNotChecked}
	}
	cy, cm, cd := claimed.Date()
	ry, rm, rd := recorded.Date()

	var kinds []DifferenceKind
	if cd != rd {
		kinds = append(kinds, DiffDay)
	}
	if cm != rm {
		kinds = append(kinds, DiffMonth)
	}
	if cy != ry {
		kinds = append(kinds, DiffYear)
	}

	switch {
	case len(kinds) == 0:
		return FieldVerdict{Status: VerdictMatch, Score: 100}
	case cy == ry && cd == int(rm) && int(cm) == rd:
		return FieldVerdict{Status: VerdictNearMatch, Score: 50, Kinds: []DifferenceKind{DiffDayMonth}}
	case len(kinds) == 1:
		return FieldVerdict{Status: VerdictNearMatch, Score: 50, Kinds: kinds}
	}
	return FieldVerdict{Status: VerdictMismatch, Score: 0, Kinds: kinds}
}

// MatchSex compares jenis kelamin. SexUnknown on either side is not checked.
func MatchSex(claimed, recorded Sex) FieldVerdict {
	switch {
	case claimed == SexUnknown || recorded == SexUnknown:
		return FieldVerdict{Status: VerdictNotChecked}
	case claimed == recorded:
		return FieldVerdict{Status: VerdictMatch, Score: 100}
	}
	return FieldVerdict{Status: VerdictMismatch, Score: 0}
}

// MatchNoKK compares No KK exactly, ignoring spaces, dots and hyphens typed
// inside the number. An empty value on either side is not checked.
func MatchNoKK(claimed, recorded string) FieldVerdict {
	c, r := compactNumber(strings.TrimSpace(claimed)), compactNumber(strings.TrimSpace(recorded))
	switch {
	case c == "" || r == "":
		return FieldVerdict{Status: VerdictNotChecked}
	case c == r:
		return FieldVerdict{Status: VerdictMatch, Score: 100}
	}
	return FieldVerdict{Status: VerdictMismatch, Score: 0}
}

// Address penalties, chosen like the name penalties: either alone turns an
// otherwise equal address into a near match at the default threshold.
const (
	penaltyRTRW      = 25
	penaltyKelurahan = 20
)

// MatchAddress compares a typed address with the recorded parts. Every
// claimed word (street, house number, kelurahan, kecamatan, ...) is looked
// up among the recorded words, and the score is the length-weighted share
// found, scored like names. A differing RT or RW, and a recorded kelurahan
// that the claim does not mention, each cost a penalty. Words such as JL.,
// GG., NO., DESA, KEL. and KEC. are ignored, and RT and RW are read from
// "RT 02 RW 03", "RT.002/RW.003", "RT/RW 2/3" and "RT02".
//
// NOTE: a claim that leaves out parts other than the kelurahan (kecamatan,
// house number, RT) can still match, because the score measures the words
// the claim contains.
func MatchAddress(claimed string, recorded Address, threshold int) FieldVerdict {
	c := parseAddress(claimed)
	r := parseAddress(recorded.Street)
	r.rt, r.rw = plainNumber(recorded.RT), plainNumber(recorded.RW)
	for _, part := range []string{recorded.Kelurahan, recorded.Kecamatan, recorded.Kabupaten, recorded.Province} {
		r.words = append(r.words, strings.Fields(NormalizePlace(part))...)
	}
	if c.empty() || r.empty() {
		return FieldVerdict{Status: VerdictNotChecked}
	}

	v := scoreAddressWords(c.words, r.words)
	v = penalizeNumber(v, "RT", DiffRT, c.rt, r.rt)
	v = penalizeNumber(v, "RW", DiffRW, c.rw, r.rw)
	if kelurahan := strings.Fields(NormalizePlace(recorded.Kelurahan)); len(kelurahan) > 0 && !containsAllWords(c.words, kelurahan) {
		v.Score -= penaltyKelurahan
		v.Kinds = appendKind(v.Kinds, DiffKelurahan)
		v.Differences = append(v.Differences, "/"+strings.Join(kelurahan, " "))
	}

	v.Score = max(v.Score, 0)
	v.Status = statusFor(v.Score, threshold)
	return v
}

func scoreAddressWords(claimed, recorded []string) FieldVerdict {
	var v FieldVerdict
	sum, total := 0, 0
	for _, c := range claimed {
		best := -1
		for _, r := range recorded {
			if similarity, initial, ok := compareWords(c, r); ok && !initial {
				best = max(best, similarity)
			}
		}
		total += len(c)
		if best < 0 {
			v.Differences = append(v.Differences, c+"/")
			v.Kinds = appendKind(v.Kinds, DiffExtra)
			continue
		}
		if best < 100 {
			v.Kinds = appendKind(v.Kinds, DiffSpelling)
		}
		sum += best * len(c)
	}

	v.Score = 100
	if total > 0 {
		v.Score = sum / total
	}
	return v
}

func penalizeNumber(v FieldVerdict, label string, kind DifferenceKind, claimed, recorded string) FieldVerdict {
	if claimed == "" || recorded == "" || claimed == recorded {
		return v
	}
	v.Score -= penaltyRTRW
	v.Kinds = appendKind(v.Kinds, kind)
	v.Differences = append(v.Differences, label+" "+claimed+"/"+label+" "+recorded)
	return v
}

func containsAllWords(words, required []string) bool {
	for _, w := range required {
		found := false
		for _, have := range words {
			if _, initial, ok := compareWords(have, w); ok && !initial {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// addressParts is an address split into comparable words and its RT and
// RW numbers without leading zeros.
type addressParts struct {
	words  []string
	rt, rw string
}

func (a addressParts) empty() bool { return len(a.words) == 0 && a.rt == "" && a.rw == "" }

// addressNoise are words that label a part of an address rather than name
// it.
var addressNoise = wordSet(
	"JL", "JLN", "JALAN", "GG", "GANG", "NO", "NOMOR", "NOMER", "BLOK",
	"DS", "DESA", "KEL", "KELURAHAN", "KEC", "KECAMATAN", "DSN", "DUSUN",
	"DK", "DUKUH", "DKH", "KAMPUNG", "KP", "PERUM", "PERUMAHAN",
	"KAB", "KABUPATEN", "KOTA", "PROV", "PROVINSI",
)

// parseAddress splits an address into words and RT and RW numbers. A
// number that follows RT, RW or "RT RW" is taken in that order, and any
// other number is a word (a house number).
func parseAddress(s string) addressParts {
	var a addressParts
	var pending []string // RT and RW labels still waiting for their number
	for _, word := range foldWords(s) {
		for _, token := range strings.Split(word, ".") {
			if token == "" {
				continue
			}
			label, number := splitLabel(token)
			switch {
			case label == "RTRW":
				pending = append(pending, "RT", "RW")
			case label != "" && number != "":
				a.assign(label, number)
			case label != "":
				pending = append(pending, label)
			case IsDigits(token) && len(pending) > 0:
				a.assign(pending[0], plainNumber(token))
				pending = pending[1:]
			case IsDigits(token):
				a.words = append(a.words, plainNumber(token))
			case !addressNoise[token]:
				a.words = append(a.words, modernSpelling(token))
			}
		}
	}
	return a
}

func (a *addressParts) assign(label, number string) {
	if label == "RT" {
		a.rt = number
	} else {
		a.rw = number
	}
}

// splitLabel recognises RT, RW and RTRW tokens, with the number glued on
// or not ("RT02"). It returns an empty label for any other token.
func splitLabel(token string) (label, number string) {
	for _, l := range []string{"RTRW", "RT", "RW"} {
		rest, ok := strings.CutPrefix(token, l)
		if !ok {
			continue
		}
		if rest == "" {
			return l, ""
		}
		if IsDigits(rest) && l != "RTRW" {
			return l, plainNumber(rest)
		}
		return "", ""
	}
	return "", ""
}

// plainNumber removes leading zeros so that RT 002 equals RT 2.
func plainNumber(s string) string {
	s = strings.TrimSpace(s)
	trimmed := strings.TrimLeft(s, "0")
	if trimmed == "" && s != "" {
		return "0"
	}
	return trimmed
}
