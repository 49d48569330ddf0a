package support

import (
	"bufio"
	"bytes"
	"fmt"
	"log/slog"
	"os"

	"github.com/charmbracelet/ssh"
)

// authorizedKeys reads the technicians' keys from an OpenSSH authorized_keys
// file. Lines that do not parse are logged and skipped, so one typo locks
// nobody out and authorizes nobody.
//
// NOTE: key options such as from="..." or restrict are not enforced. The
// server offers no shell, command or forwarding anyway, but a from= limit
// written in the file does not restrict where a key may log in from.
func authorizedKeys(path string, logger *slog.Logger) ([]ssh.PublicKey, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("support: read authorized keys %s: %w", path, err)
	}

	var keys []ssh.PublicKey
	scanner := bufio.NewScanner(bytes.NewReader(data))
	scanner.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	for lineNumber := 1; scanner.Scan(); lineNumber++ {
		line := bytes.TrimSpace(scanner.Bytes())
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		key, _, _, _, err := ssh.ParseAuthorizedKey(line)
		if err != nil {
			logger.Warn("support: skipped invalid authorized_keys line", "path", path, "line", lineNumber, "error", err)
			continue
		}
		keys = append(keys, key)
	}
	if err := scanner.Err(); err != nil {
		return nil, fmt.Errorf("support: read authorized keys %s: %w", path, err)
	}
	return keys, nil
}

// isAuthorized rereads the file for every check, so a key removed from it is
// rejected at the next login and in every new session.
func isAuthorized(path string, key ssh.PublicKey, logger *slog.Logger) bool {
	if key == nil {
		return false
	}
	keys, err := authorizedKeys(path, logger)
	if err != nil {
		logger.Error("support: authorized keys unreadable, rejecting login", "error", err)
		return false
	}
	for _, k := range keys {
		if ssh.KeysEqual(key, k) {
			return true
		}
	}
	return false
}
