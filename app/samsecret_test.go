package app

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadSAMSecretProblems(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string, mode os.FileMode) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(body), mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(path, mode); err != nil {
			t.Fatal(err)
		}
		return path
	}
	good := strings.Repeat("ab", 32)
	cases := []struct {
		path string
		want SAMSecretProblem
	}{
		{"", SAMSecretUnset},
		{filepath.Join(dir, "none"), SAMSecretMissing},
		{write("open", good, 0o644), SAMSecretMode},
		{write("short", good[:62], 0o600), SAMSecretFormat},
		{write("nothex", strings.Repeat("zz", 32), 0o600), SAMSecretFormat},
	}
	for _, c := range cases {
		_, err := ReadSAMSecret(c.path)
		var bad *SAMSecretError
		if !errors.As(err, &bad) || bad.Problem != c.want {
			t.Errorf("ReadSAMSecret(%q) = %v, want problem %d", c.path, err, c.want)
			continue
		}
		if strings.Contains(err.Error(), good[:8]) {
			t.Errorf("error %q shows the secret", err)
		}
	}

	secret, err := ReadSAMSecret(write("good", good+"\n", 0o600))
	if err != nil {
		t.Fatal(err)
	}
	if secret[0] != 0xab || secret[31] != 0xab {
		t.Errorf("secret decoded as % x", secret[:4])
	}
}
