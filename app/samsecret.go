package app

import (
	"encoding/hex"
	"fmt"
	"os"
	"strings"
)

// SAMSecretProblem names why the SAM secret file cannot be used.
type SAMSecretProblem int

const (
	SAMSecretUnset      SAMSecretProblem = iota + 1 // reader.sam_secret_file is empty
	SAMSecretMissing                                // the file does not exist
	SAMSecretMode                                   // group or others may read the file
	SAMSecretUnreadable                             // the file cannot be read
	SAMSecretFormat                                 // the file does not contain exactly 64 hex digits
)

// SAMSecretError reports an unusable SAM secret file. It never contains the
// secret.
type SAMSecretError struct {
	Problem SAMSecretProblem
	Path    string
	Mode    os.FileMode // the file's permission bits, for SAMSecretMode
	Err     error
}

func (e *SAMSecretError) Error() string {
	switch e.Problem {
	case SAMSecretUnset:
		return "reader.sam_secret_file is empty: set the file that contains the SAM unlock secret (64 hex digits, mode 0600)"
	case SAMSecretMode:
		return fmt.Sprintf("SAM secret file %s has mode %04o: run \"chmod 600 %s\"", e.Path, uint32(e.Mode), e.Path)
	case SAMSecretFormat:
		return fmt.Sprintf("SAM secret file %s must contain exactly 64 hex digits", e.Path)
	}
	return fmt.Sprintf("reader.sam_secret_file %s: %v", e.Path, e.Err)
}

func (e *SAMSecretError) Unwrap() error { return e.Err }

// ReadSAMSecret reads the 32-byte SAM unlock secret, written as 64 hex
// digits, from a file that only its owner may read. Its errors are
// *SAMSecretError.
func ReadSAMSecret(path string) ([32]byte, error) {
	var secret [32]byte
	if path == "" {
		return secret, &SAMSecretError{Problem: SAMSecretUnset}
	}
	info, err := os.Stat(path)
	if err != nil {
		return secret, &SAMSecretError{Problem: SAMSecretMissing, Path: path, Err: err}
	}
	if perm := info.Mode().Perm(); perm&0o077 != 0 {
		return secret, &SAMSecretError{Problem: SAMSecretMode, Path: path, Mode: perm}
	}

	raw, err := os.ReadFile(path)
	if err != nil {
		return secret, &SAMSecretError{Problem: SAMSecretUnreadable, Path: path, Err: err}
	}
	defer clear(raw)
	decoded, err := hex.DecodeString(strings.TrimSpace(string(raw)))
	defer clear(decoded)
	if err != nil || len(decoded) != len(secret) {
		return secret, &SAMSecretError{Problem: SAMSecretFormat, Path: path}
	}
	copy(secret[:], decoded)
	return secret, nil
}
