package device

import (
	"fmt"
	"time"
)

// Positions of the biodata fields that the kiosk keeps. Fields 9 (blood
// type), 10 (religion), 19 (citizenship) and the unidentified 15 to 18 and
// 20 are dropped while parsing.
const (
	fieldNIK           = 0
	fieldStreet        = 1
	fieldRT            = 2
	fieldRW            = 3
	fieldBirthPlace    = 4
	fieldKecamatan     = 5
	fieldKelurahan     = 6
	fieldKabupaten     = 7
	fieldSex           = 8
	fieldMaritalStatus = 11
	fieldOccupation    = 12
	fieldName          = 13
	fieldBirthDate     = 14
	biodataFields      = 21
)

// ParseBiodata parses the chip's EF 6FF1: 21 ASCII fields in double
// quotes, separated by commas, optionally padded with NUL bytes at the
// end. It keeps the nine elements that the data-sharing agreement allows.
// It wraps ErrMalformed on another field count, a byte outside printable
// ASCII, a NIK that is not 16 digits, a sex other than LAKI-LAKI or
// PEREMPUAN, a date of birth that is not a dd-mm-yyyy date, or an empty
// name. The error never contains field values.
func ParseBiodata(raw []byte) (Biodata, error) {
	fields, err := splitQuoted(trimNUL(raw))
	if err != nil {
		return Biodata{}, fmt.Errorf("biodata: %w: %w", err, ErrMalformed)
	}
	if len(fields) != biodataFields {
		return Biodata{}, fmt.Errorf("biodata: %d fields, expected %d: %w", len(fields), biodataFields, ErrMalformed)
	}

	b := Biodata{
		NIK:           fields[fieldNIK],
		Street:        fields[fieldStreet],
		RT:            fields[fieldRT],
		RW:            fields[fieldRW],
		BirthPlace:    fields[fieldBirthPlace],
		Kecamatan:     fields[fieldKecamatan],
		Kelurahan:     fields[fieldKelurahan],
		Kabupaten:     fields[fieldKabupaten],
		Sex:           fields[fieldSex],
		MaritalStatus: fields[fieldMaritalStatus],
		Occupation:    fields[fieldOccupation],
		Name:          fields[fieldName],
		BirthDate:     fields[fieldBirthDate],
	}
	if err := checkBiodata(&b); err != nil {
		return Biodata{}, fmt.Errorf("biodata: %w: %w", err, ErrMalformed)
	}
	return b, nil
}

func checkBiodata(b *Biodata) error {
	if len(b.NIK) != 16 || !allDigits(b.NIK) {
		return fmt.Errorf("field %d (NIK) is not 16 digits", fieldNIK)
	}
	if b.Sex != "LAKI-LAKI" && b.Sex != "PEREMPUAN" {
		return fmt.Errorf("field %d (sex) is neither LAKI-LAKI nor PEREMPUAN", fieldSex)
	}
	if len(b.BirthDate) != len("02-01-2006") {
		return fmt.Errorf("field %d (date of birth) is not dd-mm-yyyy", fieldBirthDate)
	}
	if _, err := time.Parse("02-01-2006", b.BirthDate); err != nil {
		return fmt.Errorf("field %d (date of birth) is not a dd-mm-yyyy date", fieldBirthDate)
	}
	if b.Name == "" {
		return fmt.Errorf("field %d (name) is empty", fieldName)
	}
	return nil
}

// splitQuoted splits `"a","b",...` into its field values. A field may be
// empty but must be quoted; a value cannot contain a double quote.
func splitQuoted(raw []byte) ([]string, error) {
	var fields []string
	i := 0
	for {
		if i >= len(raw) || raw[i] != '"' {
			return nil, fmt.Errorf("field %d does not start with a double quote", len(fields))
		}
		end := i + 1
		for end < len(raw) && raw[end] != '"' {
			if raw[end] < 0x20 || raw[end] > 0x7E {
				return nil, fmt.Errorf("field %d has a byte outside printable ASCII at offset %d", len(fields), end)
			}
			end++
		}
		if end == len(raw) {
			return nil, fmt.Errorf("field %d has no closing double quote", len(fields))
		}
		fields = append(fields, string(raw[i+1:end]))
		if len(fields) > biodataFields {
			return nil, fmt.Errorf("more than %d fields", biodataFields)
		}

		i = end + 1
		if i == len(raw) {
			return fields, nil
		}
		if raw[i] != ',' {
			return nil, fmt.Errorf("field %d is followed by a byte other than a comma at offset %d", len(fields)-1, i)
		}
		i++
	}
}

func trimNUL(raw []byte) []byte {
	for len(raw) > 0 && raw[len(raw)-1] == 0 {
		raw = raw[:len(raw)-1]
	}
	return raw
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
