package ppdb

import "strings"

// normalizeUpper trims s, collapses runs of white space to one space and
// upper-cases it.
func normalizeUpper(s string) string {
	return strings.ToUpper(strings.Join(strings.Fields(s), " "))
}
