package support

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	gossh "golang.org/x/crypto/ssh"
)

// loadOrCreateHostKey reads the ed25519 host key at path, creating it with
// mode 0600 on first start. An existing key that group or others can access
// is rejected, as OpenSSH does, because a copied host key lets anyone pose as
// this kiosk to a technician.
func loadOrCreateHostKey(path string) (gossh.Signer, bool, error) {
	created := false
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := createHostKey(path); err != nil {
			return nil, false, err
		}
		created = true
	case err != nil:
		return nil, false, fmt.Errorf("support: host key %s: %w", path, err)
	case info.Mode().Perm()&0o077 != 0:
		return nil, false, fmt.Errorf("support: host key %s has mode %04o, which lets other users read it; run chmod 600 %s", path, info.Mode().Perm(), path)
	}

	data, err := os.ReadFile(path)
	if err != nil {
		return nil, false, fmt.Errorf("support: read host key %s: %w", path, err)
	}
	signer, err := gossh.ParsePrivateKey(data)
	if err != nil {
		return nil, false, fmt.Errorf("support: parse host key %s: %w; remove the file to create a new key", path, err)
	}
	return signer, created, nil
}

// createHostKey writes a new ed25519 key in OpenSSH format. O_EXCL keeps a
// concurrent start from overwriting a key that another process just wrote.
func createHostKey(path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("support: create host key directory: %w", err)
	}

	_, private, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return fmt.Errorf("support: generate host key: %w", err)
	}
	block, err := gossh.MarshalPrivateKey(private, "kiosk support host key")
	if err != nil {
		return fmt.Errorf("support: encode host key: %w", err)
	}

	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("support: create host key %s: %w", path, err)
	}
	if err := pem.Encode(f, block); err != nil {
		_ = f.Close()
		_ = os.Remove(path)
		return fmt.Errorf("support: write host key %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		_ = f.Close()
		_ = os.Remove(path)
		return fmt.Errorf("support: write host key %s: %w", path, err)
	}
	return f.Close()
}
