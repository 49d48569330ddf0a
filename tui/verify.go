package tui

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/disdikbud/kiosk/client"
	"github.com/disdikbud/kiosk/ppdb"
	"github.com/disdikbud/kiosk/tui/i18n"
)

// Fields of the verification form, in screen order.
const (
	claimName = iota
	claimBirthPlace
	claimBirthDate
	claimSex
	claimAddress
	claimNoKK
	claimLevel
	claimCount
)

var claimLabels = [claimCount]i18n.Key{
	i18n.VerifyLabelName, i18n.VerifyLabelBirthPlace, i18n.VerifyLabelBirthDate,
	i18n.VerifyLabelSex, i18n.VerifyLabelAddress, i18n.VerifyLabelNoKK, i18n.VerifyLabelLevel,
}

// maxResultOffset bounds scrolling. The view also clamps to the lines it has.
const maxResultOffset = 40

var claimLimits = [claimCount]int{80, 40, 10, 1, 120, 20, 3}

// verifyScreen compares what the applicant's form claims with the registry
// for one NIK. With a record already looked up (CALL_NIK) it compares
// locally and spends no hit. Without one it sends CALL_VERIFY_BY_ELEMEN,
// whose reply carries verdicts and no data. The claims
// and verdicts live in this screen only, so they go when the registration
// ends; they are never stored, logged or sent anywhere but the gateway.
type verifyScreen struct {
	back *lookupScreen
	nik  string

	form    form
	errs    [claimCount]string
	failure string // the reason the last check did not run, shown above the form

	busy    bool
	pending ppdb.Claims // the claims of the gateway call in flight
	result  *verification
	showing bool // the result is on screen rather than the form
	offset  int  // first result line shown, for small windows
}

// verification is the outcome of one check, ready to render.
type verification struct {
	gateway  bool // CALL_VERIFY_BY_ELEMEN, otherwise the local comparison
	fields   [claimLevel]fieldResult
	level    ppdb.Level
	age      ppdb.AgeVerdict
	warnings []ppdb.Warning

	familyChecked bool
	family        ppdb.FamilyVerdict
}

// fieldResult is the verdict of one claimed field. Score is -1 when the
// gateway gave none. Differences contain population data and exist only
// for the local comparison, whose record the operator has already seen.
type fieldResult struct {
	status      ppdb.VerdictStatus
	score       int
	kinds       []ppdb.DifferenceKind
	differences []string
}

type verifyResultMsg struct {
	nik string
	res client.VerifyResult
	err error
}

func newVerifyScreen(back *lookupScreen, nik string) *verifyScreen {
	s := &verifyScreen{back: back, nik: nik}
	s.form = newForm(claimLimits[:]...)
	for i := range s.form.inputs {
		s.form.inputs[i].Width = min(claimLimits[i]+1, 30)
	}
	s.form.inputs[claimBirthDate].Placeholder = "dd-mm-yyyy"
	s.form.inputs[claimSex].Placeholder = "L/P"
	s.form.inputs[claimSex].Width = 4
	s.form.inputs[claimLevel].Placeholder = "SD/SMP/SMA/SMK"
	s.form.inputs[claimLevel].Width = 15
	return s
}

func (s *verifyScreen) title(m *Model) string { return m.T(i18n.TitleVerify) }

func (s *verifyScreen) help(m *Model) []key.Binding {
	if s.showing {
		edit := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", m.T(i18n.KeyEdit)))
		scroll := key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", m.T(i18n.KeyScroll)))
		return []key.Binding{edit, scroll, m.keys.Back}
	}
	check := key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", m.T(i18n.KeyCheck)))
	return []key.Binding{m.keys.Next, m.keys.Prev, check, m.keys.Back}
}

// local reports whether the NIK's record was looked up in this
// registration, so the check compares locally.
func (s *verifyScreen) local(m *Model) bool {
	_, ok := m.reg.Record(s.nik)
	return ok
}

func (s *verifyScreen) update(m *Model, msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case verifyResultMsg:
		s.gatewayResult(m, msg)
		return s, nil
	case tea.KeyMsg:
		if s.busy {
			return s, nil
		}
		if s.showing {
			return s.resultKey(m, msg)
		}
		return s.formKey(m, msg)
	}
	return s, nil
}

func (s *verifyScreen) resultKey(m *Model, msg tea.KeyMsg) (screen, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Back):
		return s.back, nil
	case key.Matches(msg, m.keys.Enter):
		s.showing = false
	case msg.String() == "down":
		s.offset = min(s.offset+1, maxResultOffset)
	case msg.String() == "up":
		s.offset = max(s.offset-1, 0)
	}
	return s, nil
}

func (s *verifyScreen) formKey(m *Model, msg tea.KeyMsg) (screen, tea.Cmd) {
	if key.Matches(msg, m.keys.Back) {
		return s.back, nil
	}
	submit, cmd := s.form.update(m, msg)
	if submit {
		return s, s.check(m)
	}
	return s, cmd
}

// claims reads the form. An invalid field gets its message beside it and
// keeps what was typed, and ok is false.
func (s *verifyScreen) claims(m *Model) (c ppdb.Claims, ok bool) {
	s.errs = [claimCount]string{}
	value := func(i int) string { return strings.TrimSpace(s.form.inputs[i].Value()) }

	c.Name = value(claimName)
	c.BirthPlace = value(claimBirthPlace)
	c.Address = value(claimAddress)

	if v := value(claimBirthDate); v != "" {
		date, err := parseFormDate(v)
		if err != nil {
			s.errs[claimBirthDate] = m.T(i18n.VerifyDateInvalid)
		}
		c.BirthDate = date
	}
	if v := value(claimSex); v != "" {
		c.Sex = ppdb.ParseSex(v)
		if c.Sex == ppdb.SexUnknown {
			s.errs[claimSex] = m.T(i18n.VerifySexInvalid)
		}
	}
	if v := value(claimNoKK); v != "" {
		c.NoKK = compactDigits(v)
		var kkErr *ppdb.KKError
		if err := ppdb.ValidateNoKK(c.NoKK, s.nik); errors.As(err, &kkErr) && kkErr.Problem == ppdb.KKSameAsNIK {
			s.errs[claimNoKK] = m.T(i18n.VerifyNoKKIsNIK)
		} else if err != nil {
			s.errs[claimNoKK] = m.T(i18n.VerifyNoKKInvalid)
		}
	}
	if v := value(claimLevel); v != "" {
		level, err := ppdb.ParseLevel(v)
		if err != nil {
			s.errs[claimLevel] = m.T(i18n.VerifyLevelInvalid)
		}
		c.Level = level
	}

	for _, e := range s.errs {
		if e != "" {
			return c, false
		}
	}
	return c, true
}

// parseFormDate reads a date as written on the form, dd-mm-yyyy. Dots and
// slashes are taken as the separator too, because forms use all three.
func parseFormDate(s string) (time.Time, error) {
	s = strings.NewReplacer(".", "-", "/", "-").Replace(s)
	return time.Parse("02-01-2006", s)
}

// compactDigits drops the spaces, dots and hyphens typed inside a long
// number.
func compactDigits(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '.', '-':
			return -1
		}
		return r
	}, s)
}

// check validates the form and compares: locally when the record is in
// memory, otherwise through the gateway in a command.
func (s *verifyScreen) check(m *Model) tea.Cmd {
	s.failure = ""
	c, ok := s.claims(m)
	if !ok {
		s.failure = m.T(i18n.VerifyFixFields)
		return nil
	}

	if rec, found := m.reg.Record(s.nik); found {
		if c == (ppdb.Claims{}) {
			s.failure = m.T(i18n.VerifyNothing)
			return nil
		}
		s.show(s.compareLocally(m, c, rec))
		return nil
	}

	elements := claimElements(c)
	if len(elements) == 0 {
		s.failure = m.T(i18n.VerifyNothing)
		return nil
	}
	return s.askGateway(m, c, elements)
}

func (s *verifyScreen) show(v *verification) {
	s.result, s.showing, s.offset = v, true, 0
}

// compareLocally applies ppdb.Verify to the record looked up earlier.
func (s *verifyScreen) compareLocally(m *Model, c ppdb.Claims, rec *ppdb.Resident) *verification {
	opts := ppdb.DefaultVerifyOptions(m.admissionYear())
	if m.reg.HolderRecordFound && m.reg.StudentFound && rec == &m.reg.Student {
		opts.ParentNoKK = m.reg.HolderRecord.NoKK
	}
	report := ppdb.Verify(c, *rec, opts)

	v := &verification{level: c.Level, age: report.Age, warnings: report.NIKWarnings}
	for i, fv := range []ppdb.FieldVerdict{report.Name, report.BirthPlace, report.BirthDate, report.Sex, report.Address, report.NoKK} {
		v.fields[i] = fieldResult{status: fv.Status, score: fv.Score, kinds: fv.Kinds, differences: fv.Differences}
	}
	v.familyChecked, v.family = familyLink(m)
	return v
}

// familyLink compares the No KK of the card holder's record with the
// student's, when both were looked up in this registration.
func familyLink(m *Model) (checked bool, verdict ppdb.FamilyVerdict) {
	if !m.reg.HolderRecordFound || !m.reg.StudentFound {
		return false, ppdb.FamilyUnknown
	}
	return true, ppdb.CheckFamilyLink(m.reg.HolderRecord.NoKK, m.reg.Student.NoKK)
}

func (m *Model) admissionYear() int {
	if m.opts.AdmissionYear > 0 {
		return m.opts.AdmissionYear
	}
	return m.opts.Now().Year()
}

// claimElements maps the claims to the gateway's element names.
//
// NOTE: the form has one address line, sent as ALAMAT. A gateway that
// compares ALAMAT with the street part alone scores a full address
// (street, RT/RW, kelurahan) lower than the local comparison does.
func claimElements(c ppdb.Claims) map[string]string {
	elements := map[string]string{}
	put := func(key, value string) {
		if value != "" {
			elements[key] = value
		}
	}
	put("NAMA_LGKP", c.Name)
	put("TMPT_LHR", c.BirthPlace)
	if !c.BirthDate.IsZero() {
		put("TGL_LHR", c.BirthDate.Format("02-01-2006"))
	}
	switch c.Sex {
	case ppdb.SexMale:
		put("JENIS_KLMIN", "LAKI-LAKI")
	case ppdb.SexFemale:
		put("JENIS_KLMIN", "PEREMPUAN")
	}
	put("ALAMAT", c.Address)
	put("NO_KK", c.NoKK)
	return elements
}

// askGateway sends CALL_VERIFY_BY_ELEMEN. The registration's no-repeat
// rule (BeginLookup), which the lookup screen also uses, guards it: the NIK
// then counts as used for the rest of the registration, so neither a
// second check nor a CALL_NIK of the same NIK spends another hit.
// client.Session would not do, because it sends every Verify.
func (s *verifyScreen) askGateway(m *Model, c ppdb.Claims, elements map[string]string) tea.Cmd {
	now := m.opts.Now()
	if now.Before(m.opts.AgreementFrom) || now.After(m.opts.AgreementUntil) {
		s.failure = m.T(i18n.LookupOutsideAgreement)
		return nil
	}
	if !m.parts[PartGateway].up {
		s.failure = m.T(i18n.LookupOffline)
		return nil
	}
	if err := m.reg.BeginLookup(s.nik); err != nil {
		s.failure = m.T(i18n.LookupFailed)
		switch {
		case errors.Is(err, ppdb.ErrAlreadyLookedUp) && s.result != nil:
			s.failure = m.T(i18n.VerifyAlreadyDone)
			s.showing = s.result != nil
		case errors.Is(err, ppdb.ErrAlreadyLookedUp):
			s.failure = m.T(i18n.LookupAlreadyDone)
		}
		return nil
	}

	s.busy, s.pending = true, c
	be, ctx, operator, nik := m.be, m.ctx, m.operator.ID, s.nik
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
		defer cancel()
		res, err := be.Verify(ctx, operator, nik, elements)
		// Only the outcome is logged, because the verdicts would reveal
		// what the applicant's form claims about a person.
		slog.Info("verify by element", "operator", operator, "outcome", callOutcome(res.Outcome, err).String())
		return verifyResultMsg{nik: nik, res: res, err: err}
	}
}

func callOutcome(o client.Outcome, err error) client.Outcome {
	if err != nil {
		return client.OutcomeOf(err)
	}
	return o
}

func (s *verifyScreen) gatewayResult(m *Model, msg verifyResultMsg) {
	s.busy = false
	claims := s.pending
	s.pending = ppdb.Claims{}

	if msg.err != nil {
		if client.NeverSent(msg.err) || errors.Is(msg.err, client.ErrQuotaReached) {
			m.reg.ForgetLookup(msg.nik)
		}
		s.failure = m.T(lookupErrorMessage(msg.err))
		return
	}
	if msg.res.Outcome != client.Found {
		s.failure = m.T(outcomeMessage(msg.res.Outcome))
		return
	}
	s.show(gatewayVerification(m, msg.nik, claims, msg.res))
}

// gatewayVerification turns the gateway's verdicts into the screen's. The
// gateway gives match or mismatch, with a score for names, places and the
// address. Without a record, the age rule and the NIK's own birth date and
// sex are checked against the form.
func gatewayVerification(m *Model, nik string, c ppdb.Claims, res client.VerifyResult) *verification {
	v := &verification{gateway: true, level: c.Level}
	sent := claimElements(c)
	for i, wireKey := range [claimLevel]string{"NAMA_LGKP", "TMPT_LHR", "TGL_LHR", "JENIS_KLMIN", "ALAMAT", "NO_KK"} {
		verdict, ok := res.Verdicts[wireKey]
		if _, wasSent := sent[wireKey]; !wasSent || !ok {
			v.fields[i] = fieldResult{status: ppdb.VerdictNotChecked, score: -1}
			continue
		}
		status := ppdb.VerdictMismatch
		if verdict.Match {
			status = ppdb.VerdictMatch
		}
		v.fields[i] = fieldResult{status: status, score: verdict.Score}
	}

	v.age = ppdb.CheckAge(c.Level, c.BirthDate, m.admissionYear(), ppdb.DefaultAgeRules())
	if parsed, err := ppdb.ParseNIK(nik); err == nil {
		v.warnings = ppdb.CheckNIKConsistency(parsed, c.BirthDate, c.Sex)
	}
	v.familyChecked, v.family = familyLink(m)
	return v
}
