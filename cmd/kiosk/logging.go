package main

import (
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
)

// maxLogSize is the size at which the log is rotated at start.
const maxLogSize = 5 << 20

// setupLogging sends slog's JSON records to kiosk.log in dir, never to the
// operator's screen. A log over maxLogSize is kept as kiosk.log.1 and a new
// one started. The log holds events, error kinds, operator IDs, durations
// and counts; callers never pass population data or credentials.
func setupLogging(dir string) (func(), error) {
	_, closeLog, err := setupLoggingWithEvents(dir)
	return closeLog, err
}

// setupLoggingWithEvents is setupLogging that also keeps the last log
// events for the SSH support view.
func setupLoggingWithEvents(dir string) (*eventRing, func(), error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, nil, fmt.Errorf("create data directory %s: %w", dir, err)
	}
	path := filepath.Join(dir, "kiosk.log")
	if info, err := os.Stat(path); err == nil && info.Size() > maxLogSize {
		if err := os.Rename(path, path+".1"); err != nil {
			return nil, nil, fmt.Errorf("rotate log %s: %w", path, err)
		}
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, nil, fmt.Errorf("open log %s: %w", path, err)
	}
	events := newEventRing(slog.NewJSONHandler(f, &slog.HandlerOptions{Level: slog.LevelInfo}), 20)
	slog.SetDefault(slog.New(events))
	return events, func() { f.Close() }, nil
}
