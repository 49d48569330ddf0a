package ppdb

import "strings"

// wordKey is the form in which two normalised words are compared: doubled
// letters collapsed (ABDULLAH, ABDULAH) and KH read as H (AKHMAD, AHMAD),
// spellings that the registry and forms use for the same name.
func wordKey(word string) string {
	word = strings.ReplaceAll(word, "KH", "H")

	var b strings.Builder
	b.Grow(len(word))
	for i := 0; i < len(word); i++ {
		if i > 0 && word[i] == word[i-1] {
			continue
		}
		b.WriteByte(word[i])
	}
	return b.String()
}

// compareWords returns the similarity (0-100) of a claimed and a recorded
// word, whether one is an initial of the other, and whether the two are
// close enough to be aligned as the same word at all. They are when their
// keys are equal, one is an initial of the other, or they are one edit
// apart (two for words of eight letters or more).
// A second edit in a shorter word makes another name (AMINAH, ALIMAH).
func compareWords(claimed, recorded string) (similarity int, initial, ok bool) {
	a, b := wordKey(claimed), wordKey(recorded)
	if a == b {
		return 100, false, true
	}
	if len(claimed) == 1 || len(recorded) == 1 {
		isInitial := len(claimed) != len(recorded) && claimed[0] == recorded[0]
		return 100, true, isInitial
	}

	cost := editCost(a, b)
	longest := max(len(a), len(b))
	similarity = 100 - 100*cost/(2*longest)
	if genderedEndings(a, b) {
		similarity = min(similarity, 70)
	}

	closeEnough := (cost <= 2 && longest >= 3) || (cost <= 4 && longest >= 8)
	return similarity, false, closeEnough
}

// genderedEndings reports whether two words differ in a final I against O
// or A, the Javanese female and male forms of one name (PURWANTI,
// PURWANTO), which are different people however close the spelling.
func genderedEndings(a, b string) bool {
	x, y := a[len(a)-1], b[len(b)-1]
	if x == y {
		return false
	}
	return (x == 'I' && (y == 'O' || y == 'A')) || (y == 'I' && (x == 'O' || x == 'A'))
}

// editCost is the Levenshtein distance between a and b in half edits: an
// insertion, deletion or substitution costs 2, and a substitution between
// letters that Indonesian spelling interchanges (see isCloseLetter) costs 1.
func editCost(a, b string) int {
	previous := make([]int, len(b)+1)
	current := make([]int, len(b)+1)
	for j := range previous {
		previous[j] = 2 * j
	}

	for i := 1; i <= len(a); i++ {
		current[0] = 2 * i
		for j := 1; j <= len(b); j++ {
			substitute := previous[j-1]
			if a[i-1] != b[j-1] {
				substitute += 2
				if isCloseLetter(a[i-1], b[j-1]) {
					substitute--
				}
			}
			current[j] = min(substitute, previous[j]+2, current[j-1]+2)
		}
		previous, current = current, previous
	}
	return previous[len(b)]
}

// isCloseLetter reports whether x and y are written for one another in
// Indonesian names: J and Y (old and new spelling), I and Y (DEWI, DEWY),
// F, P and V (FITRI, PITRI) and Z and J (ZAENAL, JAENAL).
//
// NOTE: this also makes distinct modern names close, so JULI against YULI
// scores 88 and is a match at the default threshold.
func isCloseLetter(x, y byte) bool {
	if x > y {
		x, y = y, x
	}
	switch string([]byte{x, y}) {
	case "JY", "IY", "FP", "FV", "PV", "JZ":
		return true
	}
	return false
}
