package ppdb

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// NormalizeName returns the form of a person's name that the matcher
// compares: words of upper-case ASCII letters and digits separated by one
// space. It folds case and diacritics, drops apostrophes (NUR'AINI becomes
// NURAINI) and treats other punctuation as a word break. It rewrites the
// old spellings OE, DJ, TJ, SJ and CH as U, J, C, SY and KH. It strips
// titles and degrees at either end, drops BIN and BINTI between two words
// and writes every variant of Muhammad as MUHAMMAD.
//
// Old J and NJ (TJAHJO, NJOTO) stay as written, because modern spelling
// uses J and NJ too (JOKO from DJOKO, ANJAR from ANDJAR): the matcher
// treats J against Y as a half difference instead.
//
// The result is idempotent and the function accepts any input, valid
// UTF-8 or not. A character that does not fold to A-Z or 0-9 (Æ, ß, any
// non-Latin script) breaks the word like punctuation does.
func NormalizeName(s string) string {
	tokens := nameTokens(foldWords(s))
	tokens = stripTitles(tokens)
	tokens = dropPatronymicLinks(tokens)
	tokens = expandAbbreviations(tokens)
	return strings.Join(tokens, " ")
}

// NormalizePlace returns the comparison form of a place name, folded and
// respelled as NormalizeName does, with the regency and city prefixes
// (KAB., KABUPATEN, KOTA, KOTA ADM., KOTAMADYA, KODYA) removed, so that
// "Kab. Karanganyar" and "KARANGANYAR" compare equal.
//
// NOTE: a place whose own name starts with one of these words loses it too
// ("KOTA BARU" becomes "BARU", while "KOTABARU" stays whole).
func NormalizePlace(s string) string {
	var tokens []string
	for _, word := range foldWords(s) {
		for _, part := range strings.Split(word, ".") {
			if part = modernSpelling(part); part != "" {
				tokens = append(tokens, part)
			}
		}
	}
	for len(tokens) > 1 && placePrefixes[tokens[0]] {
		tokens = tokens[1:]
	}
	return strings.Join(tokens, " ")
}

// foldWords upper-cases s, removes diacritics and apostrophes and splits it
// into words of A-Z, 0-9 and dots. Every other character separates words.
func foldWords(s string) []string {
	s = strings.ToValidUTF8(s, " ")
	s = strings.Map(dropApostrophe, s)
	s = norm.NFKD.String(s)

	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		r = unicode.ToUpper(r)
		if ('A' <= r && r <= 'Z') || ('0' <= r && r <= '9') || r == '.' {
			b.WriteRune(r)
		} else {
			b.WriteByte(' ')
		}
	}
	return strings.Fields(b.String())
}

func dropApostrophe(r rune) rune {
	switch r {
	case '\'', '`', '\u00B4', '\u02BB', '\u02BC', '\u2018', '\u2019', '\u2032':
		return -1
	}
	return r
}

// nameTokens splits words at dots, except a word that is a title as a
// whole ("S.Pd.I."), which stays one token so that stripTitles finds it.
func nameTokens(words []string) []string {
	var tokens []string
	for _, word := range words {
		whole := modernSpelling(strings.ReplaceAll(word, ".", ""))
		if whole == "" {
			continue
		}
		if leadingTitles[whole] || trailingTitles[whole] {
			tokens = append(tokens, whole)
			continue
		}
		for _, part := range strings.Split(word, ".") {
			if part = modernSpelling(part); part != "" {
				tokens = append(tokens, part)
			}
		}
	}
	return tokens
}

// oldSpellings maps the digraphs that the spelling reforms of 1947 (OE)
// and 1972 (DJ, TJ, SJ, CH) replaced to their current form.
var oldSpellings = strings.NewReplacer("OE", "U", "DJ", "J", "TJ", "C", "SJ", "SY", "CH", "KH")

// modernSpelling applies oldSpellings until nothing changes, because one
// replacement can form a new digraph ("DDJJ" becomes "DJJ"). Each
// replacement shortens the word or removes a J or a C, so the loop ends.
func modernSpelling(word string) string {
	for {
		next := oldSpellings.Replace(word)
		if next == word {
			return word
		}
		word = next
	}
}

// stripTitles removes titles from the front and degrees from the end, but
// never the last remaining word: "H." alone stays "H".
func stripTitles(tokens []string) []string {
	for len(tokens) > 1 && leadingTitles[tokens[0]] {
		tokens = tokens[1:]
	}
	for len(tokens) > 1 && trailingTitles[tokens[len(tokens)-1]] {
		tokens = tokens[:len(tokens)-1]
	}
	return tokens
}

// dropPatronymicLinks removes BIN and BINTI between two words, so
// "IMRON BIN MASHURI" equals "IMRON MASHURI". The father's name itself
// stays, so a claim without it is a near match, not a match.
func dropPatronymicLinks(tokens []string) []string {
	if len(tokens) < 3 {
		return tokens
	}
	kept := []string{tokens[0]}
	for _, t := range tokens[1 : len(tokens)-1] {
		if t != "BIN" && t != "BINTI" {
			kept = append(kept, t)
		}
	}
	return append(kept, tokens[len(tokens)-1])
}

// expandAbbreviations writes every Muhammad variant as MUHAMMAD. A first
// word M or ST in a name of two or more words is read as MUHAMMAD or SITI,
// the usual meaning of "M." and "St." in Javanese records.
func expandAbbreviations(tokens []string) []string {
	out := make([]string, len(tokens))
	for i, t := range tokens {
		switch {
		case muhammadVariants[t]:
			t = "MUHAMMAD"
		case i == 0 && len(tokens) > 1 && t == "M":
			t = "MUHAMMAD"
		case i == 0 && len(tokens) > 1 && t == "ST":
			t = "SITI"
		}
		out[i] = t
	}
	return out
}

func wordSet(words ...string) map[string]bool {
	set := make(map[string]bool, len(words))
	for _, w := range words {
		set[w] = true
	}
	return set
}

// leadingTitles are written before a name, with dots removed.
// R alone is left out because it is as often an initial as Raden.
var leadingTitles = wordSet(
	"H", "HJ", "HJH", "HAJI", "HAJAH", "HAJJAH", "KH",
	"DRS", "DRA", "DR", "IR", "PROF",
	"ALM", "ALMH", "ALMARHUM", "ALMARHUMAH",
	"RADEN", "RM", "RR", "RAY",
	"NY", "SDR", "SDRI", "BPK", "BAPAK",
)

// trailingTitles are academic degrees written after a name, with dots
// removed. ST is here because after a name it is Sarjana Teknik.
var trailingTitles = wordSet(
	"SPD", "SPDI", "SPDSD", "SE", "SEI", "SH", "SHI", "SKOM", "SSOS", "SAG",
	"SIP", "SSI", "ST", "SKM", "SKEP", "SFARM", "SPSI", "SS", "SSN", "SAK",
	"STP", "SP", "SKG", "SKED", "SSTP", "SIKOM", "SHUT", "SPT", "SSY",
	"MPD", "MPDI", "MM", "MSI", "MAG", "MT", "MH", "MKES", "MKOM", "MAP",
	"MSC", "MBA", "MKN", "AMD", "AMDKEB", "AMDKEP", "AMK", "AMKEB", "AMPD",
	"BA", "BSC", "PHD", "LC", "MA",
)

// muhammadVariants are the spellings of Muhammad seen in Indonesian
// records, after modernSpelling (MOCHAMAD is listed as MOKHAMAD).
var muhammadVariants = wordSet(
	"MUH", "MOH", "MHD", "MUHD", "MOHD", "MOKH", "MUKH",
	"MUHAMAD", "MUHAMMAD", "MUHAMMED", "MUHAMED", "MUHAMAT", "MUHAMMAT",
	"MOHAMAD", "MOHAMMAD", "MOHAMMED", "MOHAMED", "MOHAMAT", "MOHAMMAT",
	"MOKHAMAD", "MOKHAMMAD", "MOKHAMAT", "MOKHAMMAT",
	"MUKHAMAD", "MUKHAMMAD", "MUKHAMAT", "MUKHAMMAT",
)

// placePrefixes mark a regency or city before its name.
var placePrefixes = wordSet(
	"KAB", "KABUPATEN", "KOTA", "KOTAMADYA", "KODYA", "KOTIF",
	"ADM", "ADMINISTRASI", "KOTAADM",
)
