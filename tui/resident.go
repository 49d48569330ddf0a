package tui

import (
	"strings"

	"github.com/disdikbud/kiosk/ppdb"
	"github.com/disdikbud/kiosk/tui/i18n"
)

// residentView renders the nine elements, one per line.
func residentView(m *Model, r *ppdb.Resident, w int) string {
	sex := "-"
	switch r.Sex {
	case ppdb.SexMale:
		sex = m.T(i18n.SexMale)
	case ppdb.SexFemale:
		sex = m.T(i18n.SexFemale)
	}
	birth := "-"
	if !r.BirthDate.IsZero() {
		birth = r.BirthDate.Format("02-01-2006")
	}
	a := r.Address
	address := strings.Join(nonEmpty(a.Street, rtrw(a.RT, a.RW), a.Kelurahan, a.Kecamatan, a.Kabupaten, a.Province), ", ")

	rows := [][2]string{
		{m.T(i18n.LabelNIK), r.NIK},
		{m.T(i18n.LabelNoKK), r.NoKK},
		{m.T(i18n.LabelName), r.Name},
		{m.T(i18n.LabelSex), sex},
		{m.T(i18n.LabelBirth), strings.Join(nonEmpty(r.BirthPlace, birth), ", ")},
		{m.T(i18n.LabelMarital), r.MaritalStatus},
		{m.T(i18n.LabelOccupation), r.Occupation},
		{m.T(i18n.LabelAddress), address},
	}
	var b strings.Builder
	for _, row := range rows {
		v := row[1]
		if v == "" {
			v = "-"
		}
		b.WriteString(m.field(row[0], v) + "\n")
	}
	return b.String()
}

// rtrw writes RT and RW with three digits, as the registry does, whether
// the gateway sent "003" or the number 3.
func rtrw(rt, rw string) string {
	if rt == "" && rw == "" {
		return ""
	}
	return "RT " + padNumber(rt) + "/RW " + padNumber(rw)
}

func padNumber(s string) string {
	if len(s) >= 3 || !ppdb.IsDigits(s) {
		return s
	}
	return strings.Repeat("0", 3-len(s)) + s
}

func nonEmpty(values ...string) []string {
	var out []string
	for _, v := range values {
		if strings.TrimSpace(v) != "" {
			out = append(out, v)
		}
	}
	return out
}
