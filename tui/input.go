package tui

import (
	"github.com/charmbracelet/bubbles/textinput"
)

// newInput returns a text input that takes at most limit characters.
// textinput accepts only printable runes, so terminal replies such as OSC
// colour answers cannot leak into a field.
func newInput(limit int) textinput.Model {
	in := textinput.New()
	in.Prompt = ""
	in.CharLimit = limit
	in.Width = limit + 1
	return in
}
