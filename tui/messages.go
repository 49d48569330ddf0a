package tui

import (
	"errors"

	"github.com/disdikbud/kiosk/client"
	"github.com/disdikbud/kiosk/ppdb"
	"github.com/disdikbud/kiosk/tui/i18n"
)

var errNotSupervisor = errors.New("account is not a supervisor")

// nikErrorMessage explains why a typed NIK is invalid.
func nikErrorMessage(m *Model, err error) string {
	var nerr *ppdb.NIKError
	if !errors.As(err, &nerr) {
		return m.T(i18n.NIKInvalid)
	}
	switch nerr.Problem {
	case ppdb.NIKEmpty:
		return m.T(i18n.NIKEmpty)
	case ppdb.NIKLength:
		return m.T(i18n.NIKLength, nerr.Length)
	case ppdb.NIKNotDigits:
		return m.T(i18n.NIKDigitsOnly)
	case ppdb.NIKRegion:
		return m.T(i18n.NIKRegion)
	case ppdb.NIKBirthDate:
		return m.T(i18n.NIKBirthDate)
	case ppdb.NIKZeroSerial:
		return m.T(i18n.NIKZeroSerial)
	}
	return m.T(i18n.NIKInvalid)
}

// outcomeMessage is the operator's message for a gateway outcome. Identity
// outcomes tell the operator what to do with the applicant; configuration
// faults tell them to call the supervisor.
func outcomeMessage(o client.Outcome) i18n.Key {
	switch o {
	case client.Found:
		return i18n.OutcomeFound
	case client.NotFound:
		return i18n.OutcomeNotFound
	case client.Deceased:
		return i18n.OutcomeDeceased
	case client.DuplicateRecord:
		return i18n.OutcomeDuplicate
	case client.Inactive:
		return i18n.OutcomeInactive
	case client.BadNIKFormat, client.NotProcessable:
		return i18n.OutcomeBadNIK
	case client.QuotaExhausted:
		return i18n.OutcomeQuota
	case client.OutsideHours:
		return i18n.OutcomeOutsideHours
	case client.Timeout:
		return i18n.OutcomeTimeout
	case client.NetworkDown:
		return i18n.LookupOffline
	case client.Malformed:
		return i18n.OutcomeMalformed
	}
	if o.IsConfigFault() {
		return i18n.OutcomeConfigFault
	}
	return i18n.LookupFailed
}

// lookupErrorMessage is the operator's message for a lookup that ended in
// an error rather than a response.
func lookupErrorMessage(err error) i18n.Key {
	if errors.Is(err, client.ErrQuotaReached) {
		return i18n.OutcomeQuota
	}
	return outcomeMessage(client.OutcomeOf(err))
}

// balikanProblemMessage explains an invalid balikan field.
func balikanProblemMessage(e ppdb.BalikanError) i18n.Key {
	switch e.Problem {
	case ppdb.ProblemCharacters:
		if e.Field == ppdb.FieldIjazah || e.Field == ppdb.FieldSKPI {
			return i18n.BalikanDocChars
		}
		return i18n.BalikanTextChars
	case ppdb.ProblemTooShort:
		return i18n.BalikanTooShort
	case ppdb.ProblemTooLong:
		return i18n.BalikanTooLong
	case ppdb.ProblemSixteenDigits:
		return i18n.BalikanSixteenDigits
	case ppdb.ProblemSameAsNIK:
		return i18n.BalikanSameAsNIK
	case ppdb.ProblemAccreditation:
		return i18n.BalikanAccreditation
	case ppdb.ProblemScholarship:
		return i18n.BalikanScholarship
	case ppdb.ProblemSchoolMissing:
		return i18n.BalikanSchoolMissing
	}
	return i18n.BalikanInvalid
}
