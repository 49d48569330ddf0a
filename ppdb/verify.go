package ppdb

import (
	"strconv"
	"strings"
	"time"
)

// Claims are the fields of the applicant's form, as the operator types
// them. An empty field is not checked. Claims are population data, so keep
// them for one registration only.
type Claims struct {
	Name       string
	BirthPlace string
	BirthDate  time.Time
	Sex        Sex
	Address    string
	NoKK       string
	Level      Level
}

// String hides the contents so that claims passed to a logger by mistake
// print nothing personal.
func (c Claims) String() string { return "ppdb.Claims{redacted}" }

// GoString hides the contents from %#v as well.
func (c Claims) GoString() string { return c.String() }

// VerifyOptions configure Verify. Thresholds outside 1-100 mean
// DefaultMatchThreshold.
type VerifyOptions struct {
	NameThreshold    int
	PlaceThreshold   int
	AddressThreshold int

	AdmissionYear int      // the year whose reference date counts for the age rule; 0 skips it
	AgeRules      AgeRules // the zero value means DefaultAgeRules

	// ParentNoKK is the No KK of the parent whose e-KTP was verified, when
	// the applicant is a student without one. Empty leaves Family unknown.
	ParentNoKK string
}

// DefaultVerifyOptions returns the default thresholds and age rules for an
// admission year.
func DefaultVerifyOptions(admissionYear int) VerifyOptions {
	return VerifyOptions{
		NameThreshold:    DefaultMatchThreshold,
		PlaceThreshold:   DefaultMatchThreshold,
		AddressThreshold: DefaultMatchThreshold,
		AdmissionYear:    admissionYear,
		AgeRules:         DefaultAgeRules(),
	}
}

// Report is the verification of one applicant: a verdict per claimed
// field, the age rule, the NIK's consistency with the record and the
// family link. Its FieldVerdicts' Differences contain population data, so a
// Report lives as long as the registration. Summary gives the verdicts
// without data.
type Report struct {
	Name       FieldVerdict
	BirthPlace FieldVerdict
	BirthDate  FieldVerdict
	Sex        FieldVerdict
	Address    FieldVerdict
	NoKK       FieldVerdict

	Age         AgeVerdict
	NIKWarnings []Warning
	Family      FamilyVerdict
}

// Verify compares the claims with the record field by field. The age rule
// uses the record's date of birth, or the claimed one when the record has
// none, because the registry is the reference. The NIK checks use the
// record's own NIK, birth date and sex.
func Verify(claims Claims, record Resident, opts VerifyOptions) Report {
	r := Report{
		Name:       MatchNames(claims.Name, record.Name, opts.NameThreshold),
		BirthPlace: MatchPlaces(claims.BirthPlace, record.BirthPlace, opts.PlaceThreshold),
		BirthDate:  MatchDates(claims.BirthDate, record.BirthDate),
		Sex:        MatchSex(claims.Sex, record.Sex),
		Address:    MatchAddress(claims.Address, record.Address, opts.AddressThreshold),
		NoKK:       MatchNoKK(claims.NoKK, record.NoKK),
		Family:     FamilyUnknown,
	}

	birth := record.BirthDate
	if birth.IsZero() {
		birth = claims.BirthDate
	}
	r.Age = CheckAge(claims.Level, birth, opts.AdmissionYear, opts.AgeRules)

	if record.NIK != "" {
		nik, err := ParseNIK(record.NIK)
		if err != nil {
			r.NIKWarnings = []Warning{WarnNIKInvalid}
		} else {
			r.NIKWarnings = CheckNIKConsistency(nik, record.BirthDate, record.Sex)
		}
	}
	if opts.ParentNoKK != "" {
		r.Family = CheckFamilyLink(opts.ParentNoKK, record.NoKK)
	}
	return r
}

// Summary returns the verdicts as language-neutral codes without any
// population data, one per line, for the TUI's message catalog and for the
// summary the operator copies to the form. A field line reads
// "field:status[:score][:kind,kind]", for example "name:near-match:80:initial".
// After the six fields come "age:status", one "nik:warning" per warning and
// "family:verdict".
func (r Report) Summary() []string {
	lines := []string{
		fieldSummary("name", r.Name),
		fieldSummary("birth-place", r.BirthPlace),
		fieldSummary("birth-date", r.BirthDate),
		fieldSummary("sex", r.Sex),
		fieldSummary("address", r.Address),
		fieldSummary("no-kk", r.NoKK),
		"age:" + r.Age.Status.Code(),
	}
	for _, w := range r.NIKWarnings {
		lines = append(lines, "nik:"+string(w))
	}
	return append(lines, "family:"+r.Family.Code())
}

func fieldSummary(field string, v FieldVerdict) string {
	line := field + ":" + v.Status.Code()
	if v.Status == VerdictNotChecked {
		return line
	}
	line += ":" + strconv.Itoa(v.Score)
	if len(v.Kinds) > 0 {
		kinds := make([]string, len(v.Kinds))
		for i, k := range v.Kinds {
			kinds[i] = string(k)
		}
		line += ":" + strings.Join(kinds, ",")
	}
	return line
}

// String prints the summary codes only, never the differences.
func (r Report) String() string { return "ppdb.Report{" + strings.Join(r.Summary(), " ") + "}" }

// GoString hides the differences from %#v as well.
func (r Report) GoString() string { return r.String() }
