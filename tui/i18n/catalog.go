// Package i18n is the kiosk's message catalog. Every text an operator sees
// comes from here: Indonesian by default, English when selected. Each
// message is a fmt format; both languages must use the same verbs in the
// same order, which a test checks.
package i18n

import (
	"fmt"
	"strings"
)

// Lang is a catalog language.
type Lang int

const (
	Indonesian Lang = iota
	English
)

// ParseLang reads a language code such as "id" or "en".
func ParseLang(s string) (Lang, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "id", "in", "ind", "indonesian":
		return Indonesian, nil
	case "en", "eng", "english":
		return English, nil
	}
	return Indonesian, fmt.Errorf("unknown language %q: use \"id\" or \"en\"", s)
}

// Catalog returns the messages of one language.
type Catalog struct{ lang Lang }

// New returns the catalog for lang.
func New(lang Lang) Catalog { return Catalog{lang: lang} }

// Lang returns the catalog's language.
func (c Catalog) Lang() Lang { return c.lang }

// T formats the message for key with args. A key missing from the catalog
// shows as the key itself so the gap is visible on screen and in tests.
func (c Catalog) T(key Key, args ...any) string {
	table := indonesian
	if c.lang == English {
		table = english
	}
	format, ok := table[key]
	if !ok {
		return string(key)
	}
	if len(args) == 0 {
		return format
	}
	return fmt.Sprintf(format, args...)
}

// register adds messages given as {Indonesian, English} pairs, so a screen
// added later can keep its texts in a file of its own. It runs from init
// functions, before any catalog lookup.
func register(messages map[Key][2]string) {
	for k, pair := range messages {
		if _, dup := indonesian[k]; dup {
			panic("i18n: message key registered twice: " + string(k))
		}
		indonesian[k] = pair[0]
		english[k] = pair[1]
	}
}
