package tui

import (
	"github.com/charmbracelet/bubbles/key"

	"github.com/disdikbud/kiosk/tui/i18n"
)

// keyMap is the kiosk's one key map. Help texts come from the catalog, so
// the help bar speaks the operator's language.
type keyMap struct {
	Enter key.Binding
	// LookupHolder is Enter on the lookup screen, with its own help text.
	LookupHolder key.Binding
	Back         key.Binding
	Next         key.Binding
	Prev         key.Binding
	Save         key.Binding
	Lock         key.Binding
	Quit         key.Binding
	TypeNIK      key.Binding
	Balikan      key.Binding
	Verify       key.Binding
	Retry        key.Binding
	DemoCard     key.Binding
	DemoOther    key.Binding
	DemoOff      key.Binding
	Language     key.Binding
}

func newKeyMap(c i18n.Catalog) keyMap {
	b := func(help string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(keys[0], help))
	}
	return keyMap{
		Enter:        b(c.T(i18n.KeyEnter), "enter"),
		LookupHolder: b(c.T(i18n.KeyLookupHolder), "enter"),
		Back:         b(c.T(i18n.KeyBack), "esc"),
		Next:         b(c.T(i18n.KeyNext), "tab", "down"),
		Prev:         b(c.T(i18n.KeyPrev), "shift+tab", "up"),
		Save:         b(c.T(i18n.KeySave), "ctrl+s"),
		Lock:         b(c.T(i18n.KeyLock), "ctrl+l"),
		Quit:         b(c.T(i18n.KeyQuit), "ctrl+c"),
		TypeNIK:      b(c.T(i18n.KeyTypeNIK), "t"),
		Balikan:      b(c.T(i18n.KeyBalikan), "b"),
		Verify:       b(c.T(i18n.KeyVerify), "v"),
		Retry:        b(c.T(i18n.KeyRetry), "enter"),
		DemoCard:     key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("1-9", c.T(i18n.KeyDemoCard))),
		DemoOther:    b(c.T(i18n.KeyDemoOther), "0"),
		DemoOff:      b(c.T(i18n.KeyDemoRemove), "r"),
		Language:     b(c.T(i18n.KeyLanguage), "f2"),
	}
}
