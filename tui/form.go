package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/disdikbud/kiosk/tui/i18n"
)

// form is a column of text inputs with one focused. Tab, Shift+Tab and
// the arrow keys move between them; Enter moves on, and on the last field
// submits, as Ctrl+S does from any field.
type form struct {
	inputs []textinput.Model
	focus  int
}

// newForm returns a form whose fields take at most limits[i] characters,
// with the first field focused.
func newForm(limits ...int) form {
	f := form{inputs: make([]textinput.Model, len(limits))}
	for i, limit := range limits {
		f.inputs[i] = newInput(limit)
	}
	f.inputs[0].Focus()
	return f
}

// move focuses the field delta places on, wrapping around.
func (f *form) move(delta int) {
	f.inputs[f.focus].Blur()
	f.focus = (f.focus + delta + len(f.inputs)) % len(f.inputs)
	f.inputs[f.focus].Focus()
}

// update handles one key: navigation, submission, or typing into the
// focused field. submit reports that the form should be sent.
func (f *form) update(m *Model, msg tea.KeyMsg) (submit bool, cmd tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Save):
		return true, nil
	case key.Matches(msg, m.keys.Enter):
		if f.focus == len(f.inputs)-1 {
			return true, nil
		}
		f.move(1)
		return false, nil
	case key.Matches(msg, m.keys.Next):
		f.move(1)
		return false, nil
	case key.Matches(msg, m.keys.Prev):
		f.move(-1)
		return false, nil
	}
	f.inputs[f.focus], cmd = f.inputs[f.focus].Update(msg)
	return false, cmd
}

// value returns the text of field i.
func (f *form) value(i int) string { return f.inputs[i].Value() }

// Fields of a credentials form.
const (
	credentialID = iota
	credentialPIN
)

// newCredentialsForm returns the account ID and PIN fields of a sign-in;
// the PIN shows as dots.
func newCredentialsForm() form {
	f := newForm(16, 8)
	f.inputs[credentialPIN].EchoMode = textinput.EchoPassword
	f.inputs[credentialPIN].EchoCharacter = '•'
	return f
}

// credentials returns the typed account ID, upper-cased, and the PIN.
func (f *form) credentials() (id, pin string) {
	return strings.ToUpper(strings.TrimSpace(f.value(credentialID))), f.value(credentialPIN)
}

// clearPIN empties the PIN after a refused attempt and focuses it.
func (f *form) clearPIN() {
	f.inputs[credentialPIN].SetValue("")
	if f.focus != credentialPIN {
		f.move(1)
	}
}

// credentialsView renders the two fields under their labels.
func (f *form) credentialsView(m *Model, idLabel i18n.Key) string {
	return m.field(m.T(idLabel), f.inputs[credentialID].View()) + "\n" +
		m.field(m.T(i18n.LabelPIN), f.inputs[credentialPIN].View()) + "\n"
}
