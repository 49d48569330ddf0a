package ppdb

import (
	"sort"
	"strings"
)

// VerdictStatus is the outcome of comparing one claimed field with the
// record.
type VerdictStatus int

const (
	VerdictNotChecked VerdictStatus = iota // the claim or the record is empty
	VerdictMatch
	VerdictNearMatch // the operator looks at what differs and decides
	VerdictMismatch
)

// Code returns a stable, language-neutral code for the status, for the
// TUI's message catalog and the verdict summary.
func (s VerdictStatus) Code() string {
	switch s {
	case VerdictMatch:
		return "match"
	case VerdictNearMatch:
		return "near-match"
	case VerdictMismatch:
		return "mismatch"
	}
	return "not-checked"
}

// DifferenceKind names how a claim differs from the record, without any of
// the data itself.
type DifferenceKind string

const (
	DiffSpelling  DifferenceKind = "spelling"     // a word spelled differently
	DiffInitial   DifferenceKind = "initial"      // an initial against a whole word
	DiffMissing   DifferenceKind = "missing-word" // a recorded word absent from the claim
	DiffExtra     DifferenceKind = "extra-word"   // a claimed word absent from the record
	DiffOtherWord DifferenceKind = "other-word"   // a claimed word in place of a different recorded one
	DiffOrder     DifferenceKind = "word-order"   // the same words in another order
	DiffDay       DifferenceKind = "day"          // dates differ in the day only
	DiffMonth     DifferenceKind = "month"        // dates differ in the month only
	DiffYear      DifferenceKind = "year"         // dates differ in the year only
	DiffDayMonth  DifferenceKind = "day-month"    // day and month swapped
	DiffRT        DifferenceKind = "rt"           // the RT number differs
	DiffRW        DifferenceKind = "rw"           // the RW number differs
	DiffKelurahan DifferenceKind = "kelurahan"    // the recorded kelurahan is not in the claim
)

// FieldVerdict is the result of comparing one claimed field with the
// record. Differences contains population data (the words that differ) and
// is for the operator's screen only. Kinds is safe to show anywhere.
type FieldVerdict struct {
	Status VerdictStatus
	Score  int // similarity 0-100, 100 for equal after normalisation

	// Differences lists the words that differ, after normalisation, as
	// "CLAIMED/RECORDED" for an aligned pair, "CLAIMED/" for a claimed word
	// without a counterpart and "/RECORDED" for a recorded word missing
	// from the claim.
	Differences []string
	Kinds       []DifferenceKind
}

// String prints the status only, so that a verdict passed to a
// logger by mistake carries no population data.
func (v FieldVerdict) String() string {
	return "ppdb.FieldVerdict{" + v.Status.Code() + "}"
}

// GoString hides Differences from %#v as well.
func (v FieldVerdict) GoString() string { return v.String() }

// DefaultMatchThreshold is the score at and above which a name, place or
// address is a match, the same scale as the gateway's TRESHOLD.
const DefaultMatchThreshold = 85

// NearMatchBand is how far below the threshold a score is still a near
// match. With the default threshold, 60-84 is a near match and 0-59 a
// mismatch. A score of 0 is a mismatch at any threshold.
const NearMatchBand = 25

// Penalties subtracted from the lowest word similarity, each chosen so that
// one such difference alone turns a match into a near match (or, for a
// different word, a mismatch) at the default threshold.
const (
	penaltyInitial   = 20
	penaltyExtraWord = 20
	penaltyOrder     = 20
	penaltyOtherWord = 50
)

// MatchNames compares a claimed name with the recorded one after
// NormalizeName. Words are aligned regardless of order. The score is the
// lowest similarity of an aligned pair of words, less a penalty for each
// initial, missing or extra word, different word and change of order.
// A threshold outside 1-100 means DefaultMatchThreshold.
func MatchNames(claimed, recorded string, threshold int) FieldVerdict {
	return matchWords(
		strings.Fields(NormalizeName(claimed)),
		strings.Fields(NormalizeName(recorded)),
		threshold,
	)
}

// MatchPlaces compares a claimed place of birth with the recorded one
// after NormalizePlace, scored like MatchNames.
func MatchPlaces(claimed, recorded string, threshold int) FieldVerdict {
	return matchWords(
		strings.Fields(NormalizePlace(claimed)),
		strings.Fields(NormalizePlace(recorded)),
		threshold,
	)
}

// statusFor maps a score to a status with the bands of DefaultMatchThreshold
// and NearMatchBand.
func statusFor(score, threshold int) VerdictStatus {
	if threshold < 1 || threshold > 100 {
		threshold = DefaultMatchThreshold
	}
	switch {
	case score >= threshold:
		return VerdictMatch
	case score >= max(threshold-NearMatchBand, 1):
		return VerdictNearMatch
	}
	return VerdictMismatch
}

// wordPair is a claimed word aligned with a recorded word.
type wordPair struct {
	claimed, recorded int // indexes into the word lists
	similarity        int
	initial           bool
}

func matchWords(claimed, recorded []string, threshold int) FieldVerdict {
	if len(claimed) == 0 || len(recorded) == 0 {
		return FieldVerdict{Status: VerdictNotChecked}
	}
	claimed, recorded = joinSplitWords(claimed, recorded), joinSplitWords(recorded, claimed)

	pairs := alignWords(claimed, recorded)
	v := scorePairs(pairs, len(claimed), len(recorded))
	v.Differences = describeDifferences(claimed, recorded, pairs)
	v.Status = statusFor(v.Score, threshold)
	return v
}

// joinSplitWords joins two adjacent words of words when together they form
// a word of other, so "NUR AINI" lines up with "NURAINI".
func joinSplitWords(words, other []string) []string {
	keys := make(map[string]bool, len(other))
	for _, w := range other {
		keys[wordKey(w)] = true
	}
	var out []string
	for i := 0; i < len(words); i++ {
		if i+1 < len(words) && !keys[wordKey(words[i])] && keys[wordKey(words[i]+words[i+1])] {
			out = append(out, words[i]+words[i+1])
			i++
			continue
		}
		out = append(out, words[i])
	}
	return out
}

// alignWords pairs claimed and recorded words greedily, the most similar
// pair first, so each word is used at most once. Ties go to the earlier
// claimed word, then the earlier recorded word, which keeps it stable.
func alignWords(claimed, recorded []string) []wordPair {
	var candidates []wordPair
	for i, c := range claimed {
		for j, r := range recorded {
			if similarity, initial, ok := compareWords(c, r); ok {
				candidates = append(candidates, wordPair{i, j, similarity, initial})
			}
		}
	}
	sort.SliceStable(candidates, func(x, y int) bool {
		return candidates[x].similarity > candidates[y].similarity
	})

	usedClaimed := make([]bool, len(claimed))
	usedRecorded := make([]bool, len(recorded))
	var pairs []wordPair
	for _, p := range candidates {
		if usedClaimed[p.claimed] || usedRecorded[p.recorded] {
			continue
		}
		usedClaimed[p.claimed], usedRecorded[p.recorded] = true, true
		pairs = append(pairs, p)
	}
	sort.Slice(pairs, func(x, y int) bool { return pairs[x].claimed < pairs[y].claimed })
	return pairs
}

// scorePairs computes the score and difference kinds of an alignment. The
// weakest aligned pair sets the base, because one wrong word is enough to
// make a different person, however long the rest of the name is.
func scorePairs(pairs []wordPair, claimedCount, recordedCount int) FieldVerdict {
	if len(pairs) == 0 {
		return FieldVerdict{Score: 0, Kinds: []DifferenceKind{DiffOtherWord}}
	}

	var v FieldVerdict
	score := 100
	for _, p := range pairs {
		score = min(score, p.similarity)
		if p.initial {
			score -= penaltyInitial
			v.Kinds = appendKind(v.Kinds, DiffInitial)
		} else if p.similarity < 100 {
			v.Kinds = appendKind(v.Kinds, DiffSpelling)
		}
	}

	unmatchedClaimed := claimedCount - len(pairs)
	unmatchedRecorded := recordedCount - len(pairs)
	if other := min(unmatchedClaimed, unmatchedRecorded); other > 0 {
		score -= other * penaltyOtherWord
		v.Kinds = appendKind(v.Kinds, DiffOtherWord)
	}
	if extra := unmatchedClaimed - unmatchedRecorded; extra > 0 {
		score -= extra * penaltyExtraWord
		v.Kinds = appendKind(v.Kinds, DiffExtra)
	}
	if missing := unmatchedRecorded - unmatchedClaimed; missing > 0 {
		score -= missing * penaltyExtraWord
		v.Kinds = appendKind(v.Kinds, DiffMissing)
	}
	if orderChanged(pairs) {
		score -= penaltyOrder
		v.Kinds = appendKind(v.Kinds, DiffOrder)
	}

	v.Score = max(score, 0)
	return v
}

func appendKind(kinds []DifferenceKind, k DifferenceKind) []DifferenceKind {
	for _, have := range kinds {
		if have == k {
			return kinds
		}
	}
	return append(kinds, k)
}

// orderChanged reports whether the recorded positions of pairs, sorted by
// claimed position, ever go backwards.
func orderChanged(pairs []wordPair) bool {
	for i := 1; i < len(pairs); i++ {
		if pairs[i].recorded < pairs[i-1].recorded {
			return true
		}
	}
	return false
}

func describeDifferences(claimed, recorded []string, pairs []wordPair) []string {
	var diffs []string
	pairedRecorded := make([]bool, len(recorded))
	next := 0
	for i, c := range claimed {
		if next < len(pairs) && pairs[next].claimed == i {
			r := recorded[pairs[next].recorded]
			pairedRecorded[pairs[next].recorded] = true
			next++
			if c != r {
				diffs = append(diffs, c+"/"+r)
			}
			continue
		}
		diffs = append(diffs, c+"/")
	}
	for j, r := range recorded {
		if !pairedRecorded[j] {
			diffs = append(diffs, "/"+r)
		}
	}
	return diffs
}
