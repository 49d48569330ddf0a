package support

import (
	"fmt"
	"io"
	"log/slog"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

// reviewedSnapshotFields lists every field the support view can show, each
// checked to carry no population data and no credential. A new Snapshot
// field fails TestSnapshotFieldsReviewed until it is reviewed and listed.
var reviewedSnapshotFields = []string{
	"DatabaseState string",
	"Events []LogEvent",
	"Events.Level Level",
	"Events.Message string",
	"Events.Time Time",
	"GatewayState string",
	"OperatorID string",
	"OperatorSignedIn bool",
	"Quota QuotaState",
	"Quota.GatewayRemaining int",
	"Quota.Limit int",
	"Quota.Used int",
	"Queue QueueState",
	"Queue.Delivered int",
	"Queue.Exported int",
	"Queue.LastDelivery Time",
	"Queue.Pending int",
	"Queue.Sending int",
	"ReaderState string",
	"Screen string",
	"StartedAt Time",
	"Version string",
}

// snapshotFields walks t's fields into "Path Type" entries, descending into
// the package's own structs and the elements of slices.
func snapshotFields(t reflect.Type, prefix string) []string {
	var fields []string
	for i := range t.NumField() {
		field := t.Field(i)
		path := prefix + field.Name
		fields = append(fields, path+" "+typeLabel(field.Type))

		inner := field.Type
		if inner.Kind() == reflect.Slice {
			inner = inner.Elem()
		}
		if inner.Kind() == reflect.Struct && inner.PkgPath() == t.PkgPath() {
			fields = append(fields, snapshotFields(inner, path+".")...)
		}
	}
	return fields
}

func typeLabel(t reflect.Type) string {
	if t.Kind() == reflect.Slice {
		return "[]" + t.Elem().Name()
	}
	return t.Name()
}

func TestSnapshotFieldsReviewed(t *testing.T) {
	got := snapshotFields(reflect.TypeOf(Snapshot{}), "")
	sort.Strings(got)

	want := append([]string(nil), reviewedSnapshotFields...)
	sort.Strings(want)

	if !reflect.DeepEqual(got, want) {
		t.Errorf("Snapshot fields changed; review the new fields for population data and credentials, then update reviewedSnapshotFields.\ngot:  %q\nwant: %q", got, want)
	}
}

func TestSnapshotHasNoPersonalField(t *testing.T) {
	// Field names a population or credential field would carry, in the
	// gateway's spelling and in Go's.
	forbidden := []string{"nik", "nokk", "no_kk", "nama", "name", "alamat", "address", "lahir", "birth",
		"password", "secret", "token", "pin", "card", "record"}
	for _, field := range snapshotFields(reflect.TypeOf(Snapshot{}), "") {
		name := strings.ToLower(strings.Fields(field)[0])
		for _, word := range forbidden {
			if strings.Contains(name, word) {
				t.Errorf("Snapshot field %s contains %q", field, word)
			}
		}
	}
}

func newTestModel(t *testing.T, cfg Config, snap SnapshotFunc, width, height int) *model {
	t.Helper()
	if cfg.Lang == "" {
		cfg.Lang = "id"
	}
	if cfg.IdleTimeout == 0 {
		cfg.IdleTimeout = time.Minute
	}
	if cfg.MaxSession == 0 {
		cfg.MaxSession = time.Hour
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	renderer := lipgloss.NewRenderer(io.Discard, termenv.WithProfile(termenv.Ascii))
	m := newModel(cfg, snap, newStyles(renderer), &sessionEnd{})
	m.Update(tea.WindowSizeMsg{Width: width, Height: height})
	m.Update(m.fetch())
	return m
}

// plantedSnapshot fills every text field with a marker naming the field, and
// adds more log events than any window shows.
func plantedSnapshot() Snapshot {
	s := testSnapshot()
	s.Version = "PLANT-Version"
	s.OperatorID = "PLANT-OperatorID"
	s.ReaderState = "PLANT-ReaderState"
	s.GatewayState = "PLANT-GatewayState"
	s.DatabaseState = "PLANT-DatabaseState"
	s.Screen = "PLANT-Screen"
	s.Events = nil
	for i := range 50 {
		s.Events = append(s.Events, LogEvent{Time: time.Now(), Level: slog.LevelWarn, Message: fmt.Sprintf("PLANT-Event-%02d", i)})
	}
	return s
}

func TestViewShowsEverySnapshotText(t *testing.T) {
	m := newTestModel(t, Config{}, plantedSnapshot, 120, 40)
	view := m.View()

	for _, want := range []string{"PLANT-Version", "PLANT-OperatorID", "PLANT-ReaderState", "PLANT-GatewayState",
		"PLANT-DatabaseState", "PLANT-Screen", "4217 tunggu", "88 terkirim", "120/1000 hit", "sisa gw 880", "PLANT-Event-49"} {
		if !strings.Contains(view, want) {
			t.Errorf("view lacks %q:\n%s", want, view)
		}
	}
	if strings.Contains(view, "PLANT-Event-00") {
		t.Errorf("view shows the oldest of 50 events in 40 rows instead of the newest:\n%s", view)
	}
}

func TestViewFitsWindow(t *testing.T) {
	for _, size := range [][2]int{{40, 12}, {41, 13}, {80, 24}, {120, 40}, {30, 8}, {10, 3}, {1, 2}} {
		width, height := size[0], size[1]
		t.Run(fmt.Sprintf("%dx%d", width, height), func(t *testing.T) {
			m := newTestModel(t, Config{}, plantedSnapshot, width, height)
			view := m.View()

			lines := strings.Split(view, "\n")
			if len(lines) > height-1 {
				t.Errorf("view has %d lines, want at most %d for a window %d rows high", len(lines), height-1, height)
			}
			for i, line := range lines {
				if w := ansi.StringWidth(line); w > width {
					t.Errorf("line %d is %d columns wide, window is %d: %q", i, w, width, line)
				}
			}
		})
	}
}

func TestViewAt40x12ShowsStatus(t *testing.T) {
	m := newTestModel(t, Config{}, testSnapshot, 40, 12)
	view := m.View()

	for _, want := range []string{"OP-7731", "4217 tunggu", "88 terkirim", "120/1000", "q/Ctrl+C keluar"} {
		if !strings.Contains(view, want) {
			t.Errorf("40x12 view lacks %q:\n%s", want, view)
		}
	}
}

func TestViewEnglish(t *testing.T) {
	m := newTestModel(t, Config{Lang: "en"}, testSnapshot, 80, 24)
	view := m.View()

	for _, want := range []string{"4217 pending", "OP-7731 (signed in)", "q/Ctrl+C quit"} {
		if !strings.Contains(view, want) {
			t.Errorf("English view lacks %q:\n%s", want, view)
		}
	}
}

func TestViewStripsControlSequences(t *testing.T) {
	snap := func() Snapshot {
		s := testSnapshot()
		s.ReaderState = "\x1b]0;retitled\x07siap\x1b[2J"
		s.Events = []LogEvent{{Time: time.Now(), Level: slog.LevelInfo, Message: "first line\nsecond\rline\x1b[1A"}}
		return s
	}
	m := newTestModel(t, Config{}, snap, 80, 24)
	view := m.View()

	// The Ascii profile emits no escape sequences of its own, so any ESC or
	// carriage return left in the view came from the snapshot.
	if strings.ContainsAny(view, "\x1b\r\x07") {
		t.Errorf("view contains control characters from the snapshot: %q", view)
	}
	if !strings.Contains(view, "siap") {
		t.Errorf("view lacks the reader state's text: %q", view)
	}
	if !strings.Contains(view, "first line second line") {
		t.Errorf("log message not flattened to one line: %q", view)
	}
}

func TestViewSurvivesSnapshotPanic(t *testing.T) {
	snap := func() Snapshot { panic("store closed") }
	m := newTestModel(t, Config{}, snap, 80, 24)

	if view := m.View(); !strings.Contains(view, catalogs["id"].snapshotErr) {
		t.Errorf("view lacks the status-unavailable notice:\n%s", view)
	}
}

func TestConfigRejectsInvalidFields(t *testing.T) {
	valid := Config{HostKeyPath: "host_key", AuthorizedKeysPath: "authorized_keys"}
	cases := map[string]func(*Config){
		"HostKeyPath":        func(c *Config) { c.HostKeyPath = "" },
		"AuthorizedKeysPath": func(c *Config) { c.AuthorizedKeysPath = "" },
		"IdleTimeout":        func(c *Config) { c.IdleTimeout = -time.Second },
		"MaxSession":         func(c *Config) { c.MaxSession = -time.Second },
		"Lang":               func(c *Config) { c.Lang = "jv" },
	}
	for field, breakConfig := range cases {
		cfg := valid
		breakConfig(&cfg)
		if _, err := cfg.withDefaults(); err == nil || !strings.Contains(err.Error(), field) {
			t.Errorf("invalid %s: got error %v, want one naming the field", field, err)
		}
	}

	cfg, err := valid.withDefaults()
	if err != nil {
		t.Fatalf("valid config: %v", err)
	}
	if cfg.Listen != DefaultListen || cfg.Lang != "id" || cfg.IdleTimeout != DefaultIdleTimeout || cfg.MaxSession != DefaultMaxSession {
		t.Errorf("defaults not applied: %+v", cfg)
	}
}
