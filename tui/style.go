package tui

import "github.com/charmbracelet/lipgloss"

// styles is the kiosk's one style sheet. Colours are chosen to read on
// cheap monitors on any terminal background: text that matters is bold or
// reversed rather than relying on a shade.
type styles struct {
	Title   lipgloss.Style
	Status  lipgloss.Style
	Label   lipgloss.Style
	Value   lipgloss.Style
	Error   lipgloss.Style
	Warning lipgloss.Style
	OK      lipgloss.Style
	Muted   lipgloss.Style
	Focus   lipgloss.Style
	Banner  lipgloss.Style
}

func newStyles(r *lipgloss.Renderer) styles {
	return styles{
		Title:   r.NewStyle().Bold(true).Foreground(lipgloss.Color("15")).Background(lipgloss.Color("24")).Padding(0, 1),
		Status:  r.NewStyle().Foreground(lipgloss.Color("15")).Background(lipgloss.Color("238")),
		Label:   r.NewStyle().Bold(true),
		Value:   r.NewStyle(),
		Error:   r.NewStyle().Bold(true).Foreground(lipgloss.Color("9")),
		Warning: r.NewStyle().Bold(true).Foreground(lipgloss.Color("11")),
		OK:      r.NewStyle().Bold(true).Foreground(lipgloss.Color("10")),
		Muted:   r.NewStyle().Faint(true),
		Focus:   r.NewStyle().Bold(true).Reverse(true),
		Banner:  r.NewStyle().Bold(true).Foreground(lipgloss.Color("0")).Background(lipgloss.Color("11")),
	}
}
