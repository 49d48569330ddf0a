package tui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/disdikbud/kiosk/ppdb"
	"github.com/disdikbud/kiosk/tui/i18n"
)

var diffKindMessages = map[ppdb.DifferenceKind]i18n.Key{
	ppdb.DiffSpelling:  i18n.DiffSpelling,
	ppdb.DiffInitial:   i18n.DiffInitial,
	ppdb.DiffMissing:   i18n.DiffMissing,
	ppdb.DiffExtra:     i18n.DiffExtra,
	ppdb.DiffOtherWord: i18n.DiffOtherWord,
	ppdb.DiffOrder:     i18n.DiffOrder,
	ppdb.DiffDay:       i18n.DiffDay,
	ppdb.DiffMonth:     i18n.DiffMonth,
	ppdb.DiffYear:      i18n.DiffYear,
	ppdb.DiffDayMonth:  i18n.DiffDayMonth,
	ppdb.DiffRT:        i18n.DiffRT,
	ppdb.DiffRW:        i18n.DiffRW,
	ppdb.DiffKelurahan: i18n.DiffKelurahan,
}

func (s *verifyScreen) view(m *Model, w, h int) string {
	var lines []string
	add := func(style lipgloss.Style, text string) {
		for _, l := range strings.Split(wrap(text, w), "\n") {
			lines = append(lines, style.Render(l))
		}
	}

	lines = append(lines, m.field(m.T(i18n.VerifyForNIK), s.nik))
	mode := i18n.VerifyModeGateway
	if (s.result != nil && s.showing && !s.result.gateway) || (!s.showing && s.local(m)) {
		mode = i18n.VerifyModeLocal
	}
	add(m.styles.Muted, m.T(mode))
	if s.busy {
		add(m.styles.Muted, m.T(i18n.VerifyBusy))
	}
	if s.failure != "" {
		add(m.styles.Error, s.failure)
	}

	if s.showing && s.result != nil {
		body := s.resultLines(m, w)
		offset := min(s.offset, max(len(body)-1, 0))
		return strings.Join(append(lines, body[offset:]...), "\n")
	}
	return strings.Join(append(lines, s.formLines(m, w, h-len(lines))...), "\n")
}

// formLines renders the fields. When the window is too short for all of
// them, the fields before the focused one scroll away.
func (s *verifyScreen) formLines(m *Model, w, h int) []string {
	var fields [][]string
	for i, in := range s.form.inputs {
		label := m.styles.Label.Render(m.T(claimLabels[i]))
		if i == s.form.focus {
			label = m.styles.Focus.Render(m.T(claimLabels[i]))
		}
		field := []string{label + ": " + in.View()}
		if s.errs[i] != "" {
			for _, l := range strings.Split(wrap(s.errs[i], w-2), "\n") {
				field = append(field, "  "+m.styles.Error.Render(l))
			}
		}
		fields = append(fields, field)
	}

	first, total := 0, 0
	for _, f := range fields {
		total += len(f)
	}
	for first < s.form.focus && total > h {
		total -= len(fields[first])
		first++
	}

	var lines []string
	for _, f := range fields[first:] {
		lines = append(lines, f...)
	}
	lines = append(lines, "")
	for _, l := range strings.Split(wrap(m.T(i18n.VerifyFormHint), w), "\n") {
		lines = append(lines, m.styles.Muted.Render(l))
	}
	return lines
}

// resultLines renders the verdicts, most important first: the six fields,
// the age rule, the family link, the NIK warnings, then the summary to copy
// onto the form.
func (s *verifyScreen) resultLines(m *Model, w int) []string {
	v := s.result
	var lines []string
	add := func(style lipgloss.Style, text string) {
		for _, l := range strings.Split(wrap(text, w), "\n") {
			lines = append(lines, style.Render(l))
		}
	}

	for i, f := range v.fields {
		add(verdictStyle(m, f.status), m.T(claimLabels[i])+": "+fieldVerdictText(m, f, v.gateway))
	}

	ageStyle, ageText := ageLines(m, v)
	add(ageStyle, m.T(i18n.VerifyLabelAge)+": "+ageText)

	if v.familyChecked {
		style, text := m.styles.OK, m.T(i18n.FamilyLinked)
		switch v.family {
		case ppdb.FamilyNotLinked:
			style, text = m.styles.Error, m.T(i18n.FamilyNotLinked)
		case ppdb.FamilyUnknown:
			style, text = m.styles.Warning, m.T(i18n.FamilyUnknown)
		}
		add(style, text)
	}

	source := m.T(i18n.SourceRecord)
	if v.gateway {
		source = m.T(i18n.SourceForm)
	}
	for _, warning := range v.warnings {
		switch warning {
		case ppdb.WarnNIKBirthDate:
			add(m.styles.Warning, m.T(i18n.WarnNIKBirthDate, source))
		case ppdb.WarnNIKSex:
			add(m.styles.Warning, m.T(i18n.WarnNIKSex, source))
		case ppdb.WarnNIKInvalid:
			add(m.styles.Warning, m.T(i18n.WarnNIKInvalid))
		}
	}

	lines = append(lines, "")
	add(m.styles.Label, m.T(i18n.VerifySummary))
	add(lipgloss.NewStyle(), summaryText(m, v))
	return lines
}

func verdictStyle(m *Model, status ppdb.VerdictStatus) lipgloss.Style {
	switch status {
	case ppdb.VerdictMatch:
		return m.styles.OK
	case ppdb.VerdictNearMatch:
		return m.styles.Warning
	case ppdb.VerdictMismatch:
		return m.styles.Error
	}
	return m.styles.Muted
}

func verdictWord(m *Model, status ppdb.VerdictStatus) string {
	switch status {
	case ppdb.VerdictMatch:
		return m.T(i18n.VerdictMatch)
	case ppdb.VerdictNearMatch:
		return m.T(i18n.VerdictNear)
	case ppdb.VerdictMismatch:
		return m.T(i18n.VerdictMismatch)
	}
	return m.T(i18n.VerdictNotChecked)
}

// fieldVerdictText is the status, the score when the gateway gave one or
// the match is not exact, and what differs.
func fieldVerdictText(m *Model, f fieldResult, gateway bool) string {
	text := verdictWord(m, f.status)
	if f.status == ppdb.VerdictNotChecked {
		return text
	}
	if f.score >= 0 && (gateway || f.score < 100 || f.status != ppdb.VerdictMatch) {
		text += " (" + m.T(i18n.VerdictScore, f.score) + ")"
	}

	var details []string
	for _, k := range f.kinds {
		if msg, ok := diffKindMessages[k]; ok {
			details = append(details, m.T(msg))
		}
	}
	if len(f.differences) > 0 {
		details = append(details, m.T(i18n.VerdictDiffers, strings.Join(f.differences, ", ")))
	}
	if len(details) > 0 {
		text += ": " + strings.Join(details, "; ")
	}
	return text
}

// ageLines returns the age rule's style and text for the level applied
// for.
func ageLines(m *Model, v *verification) (lipgloss.Style, string) {
	a := v.age
	if a.Status == ppdb.AgeNotChecked {
		return m.styles.Muted, m.T(i18n.AgeNotChecked)
	}

	rules := ppdb.DefaultAgeRules()
	level := v.level.String()
	text := m.T(i18n.AgeOn, a.On.Format("02-01-2006"), a.Years, a.Months) + " "
	style := m.styles.OK
	switch a.Status {
	case ppdb.AgeAllowed:
		text += m.T(i18n.AgeAllowed, level)
	case ppdb.AgeNeedsException:
		style = m.styles.Warning
		text += m.T(i18n.AgeException, rules.SDMin.Years, rules.SDExceptionMin.Years, rules.SDExceptionMin.Months)
	case ppdb.AgeTooYoung:
		style = m.styles.Error
		text += m.T(i18n.AgeTooYoung, level)
	case ppdb.AgeTooOld:
		style = m.styles.Error
		text += m.T(i18n.AgeTooOld, level, levelMaxYears(v.level, rules))
	}
	if v.gateway {
		text += " " + m.T(i18n.AgeFromForm)
	}
	return style, text
}

func levelMaxYears(level ppdb.Level, rules ppdb.AgeRules) int {
	switch level {
	case ppdb.LevelSMP:
		return rules.SMPMaxYears
	case ppdb.LevelSMA:
		return rules.SMAMaxYears
	}
	return rules.SMKMaxYears
}

// summaryText is one line of verdicts, without any data, for the operator
// to copy onto the form.
func summaryText(m *Model, v *verification) string {
	var parts []string
	for i, f := range v.fields {
		parts = append(parts, m.T(claimLabels[i])+" "+verdictWord(m, f.status))
	}

	age := m.T(i18n.VerdictNotChecked)
	switch v.age.Status {
	case ppdb.AgeAllowed:
		age = m.T(i18n.AgeShortOK)
	case ppdb.AgeNeedsException:
		age = m.T(i18n.AgeShortExcept)
	case ppdb.AgeTooYoung, ppdb.AgeTooOld:
		age = m.T(i18n.AgeShortFail)
	}
	parts = append(parts, m.T(i18n.VerifyLabelAge)+" "+age)

	if v.familyChecked {
		family := m.T(i18n.VerdictNotChecked)
		switch v.family {
		case ppdb.FamilyLinked:
			family = m.T(i18n.FamilyShortLinked)
		case ppdb.FamilyNotLinked:
			family = m.T(i18n.FamilyShortNot)
		}
		parts = append(parts, m.T(i18n.VerifyLabelFamily)+" "+family)
	}
	return strings.Join(parts, "; ")
}
