package i18n

import (
	"regexp"
	"slices"
	"testing"
)

var verb = regexp.MustCompile(`%[-+# 0]*[0-9]*(\.[0-9]+)?[a-zA-Z%]`)

func TestCatalogsHaveSameKeys(t *testing.T) {
	for k := range indonesian {
		if _, ok := english[k]; !ok {
			t.Errorf("key %s has no English text", k)
		}
	}
	for k := range english {
		if _, ok := indonesian[k]; !ok {
			t.Errorf("key %s has no Indonesian text", k)
		}
	}
}

func TestCatalogsUseSameVerbs(t *testing.T) {
	for k, id := range indonesian {
		en := english[k]
		if a, b := verb.FindAllString(id, -1), verb.FindAllString(en, -1); !slices.Equal(a, b) {
			t.Errorf("key %s: Indonesian verbs %v, English verbs %v", k, a, b)
		}
	}
}

func TestMissingKeyShowsItself(t *testing.T) {
	if got := New(English).T("NoSuchKey"); got != "NoSuchKey" {
		t.Errorf("T(NoSuchKey) = %q, want the key itself", got)
	}
}

func TestParseLang(t *testing.T) {
	cases := map[string]Lang{"": Indonesian, "id": Indonesian, "EN": English, " en ": English}
	for in, want := range cases {
		got, err := ParseLang(in)
		if err != nil || got != want {
			t.Errorf("ParseLang(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := ParseLang("fr"); err == nil {
		t.Error("ParseLang(fr) returned no error")
	}
}
