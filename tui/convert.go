package tui

import (
	"time"

	"github.com/disdikbud/kiosk/client"
	"github.com/disdikbud/kiosk/device"
	"github.com/disdikbud/kiosk/ppdb"
)

// residentFromCard turns the chip's biodata into the domain's resident.
// The chip has no No KK; an unreadable birth date stays zero.
func residentFromCard(b device.Biodata) ppdb.Resident {
	birth, _ := time.Parse("02-01-2006", b.BirthDate)
	return ppdb.Resident{
		NIK:           b.NIK,
		Name:          b.Name,
		Sex:           ppdb.ParseSex(b.Sex),
		BirthPlace:    b.BirthPlace,
		BirthDate:     birth,
		MaritalStatus: b.MaritalStatus,
		Occupation:    b.Occupation,
		Address: ppdb.Address{
			Street:    b.Street,
			RT:        b.RT,
			RW:        b.RW,
			Kelurahan: b.Kelurahan,
			Kecamatan: b.Kecamatan,
			Kabupaten: b.Kabupaten,
		},
	}
}

// residentFromRecord turns the gateway's record into the domain's resident.
func residentFromRecord(r *client.Record) ppdb.Resident {
	return ppdb.Resident{
		NoKK:          r.NoKK,
		NIK:           r.NIK,
		Name:          r.Name,
		Sex:           ppdb.ParseSex(r.Sex),
		BirthPlace:    r.BirthPlace,
		BirthDate:     r.BirthDate,
		MaritalStatus: r.MaritalStatus,
		Occupation:    r.Occupation,
		Address: ppdb.Address{
			Street:    r.Street,
			RT:        r.RT,
			RW:        r.RW,
			Kelurahan: r.Kelurahan,
			Kecamatan: r.Kecamatan,
			Kabupaten: r.Kabupaten,
			Province:  r.Province,
		},
	}
}
