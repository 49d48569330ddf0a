package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/disdikbud/kiosk/config"
)

// DoctorOptions selects what `kiosk doctor` checks.
type DoctorOptions struct {
	ConfigPath string
	// Login makes one CALL_NIK for NIK through the quota guard, which
	// spends one of the day's hits. Without it the gateway is only dialled.
	Login bool
	NIK   string
	Now   func() time.Time // nil means time.Now

	// resolver and listReaders replace DNS and pcscd in tests.
	resolver interface {
		LookupIPAddr(context.Context, string) ([]net.IPAddr, error)
	}
	listReaders func() ([]string, error)
}

// Status is the verdict of one check.
type Status int

const (
	StatusOK Status = iota
	StatusWarning
	StatusFailed
)

// Finding is the result of one check: what was checked, the verdict, and
// for a warning or failure what the supervisor or technician does next.
type Finding struct {
	Check  phrase
	Status Status
	Result message
	Action message // empty for StatusOK
}

// DoctorReport is every finding in the order the checks ran.
type DoctorReport struct {
	ConfigPath string
	Findings   []Finding
}

// Failed reports whether any check failed, which makes `kiosk doctor`
// exit with status 1.
func (r *DoctorReport) Failed() bool {
	return r.count(StatusFailed) > 0
}

func (r *DoctorReport) count(s Status) int {
	n := 0
	for _, f := range r.Findings {
		if f.Status == s {
			n++
		}
	}
	return n
}

func (r *DoctorReport) ok(check phrase, result message) {
	r.Findings = append(r.Findings, Finding{Check: check, Status: StatusOK, Result: result})
}

func (r *DoctorReport) warn(check phrase, result, action message) {
	r.Findings = append(r.Findings, Finding{Check: check, Status: StatusWarning, Result: result, Action: action})
}

func (r *DoctorReport) fail(check phrase, result, action message) {
	r.Findings = append(r.Findings, Finding{Check: check, Status: StatusFailed, Result: result, Action: action})
}

// Write prints one line per finding and a summary in lang ("id" or "en").
// Each line names the check, its verdict and, for a problem, the next step.
func (r *DoctorReport) Write(w io.Writer, lang string) error {
	en := strings.EqualFold(lang, "en")
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s\n", say(pDoctorHeader).in(en), r.ConfigPath)
	for _, f := range r.Findings {
		fmt.Fprintf(&b, "%-10s %s: %s", statusLabel(f.Status).in(en), f.Check.in(en), f.Result.in(en))
		if f.Status != StatusOK && f.Action.p != (phrase{}) {
			fmt.Fprintf(&b, " %s %s", say(pNext).in(en), f.Action.in(en))
		}
		b.WriteByte('\n')
	}
	fmt.Fprintln(&b, say(pSummary, r.count(StatusOK), r.count(StatusWarning), r.count(StatusFailed)).in(en))
	_, err := io.WriteString(w, b.String())
	return err
}

func statusLabel(s Status) message {
	switch s {
	case StatusOK:
		return say(pStatusOK)
	case StatusWarning:
		return say(pStatusWarning)
	}
	return say(pStatusFailed)
}

// Doctor runs every check of the kiosk's set-up and returns the findings.
// It never reports a password, token, SAM secret or NIK. Only the
// configured gateway is contacted: a TCP dial always, and one CALL_NIK when
// opts.Login is set.
func Doctor(ctx context.Context, opts DoctorOptions) *DoctorReport {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.resolver == nil {
		opts.resolver = net.DefaultResolver
	}
	report := &DoctorReport{ConfigPath: opts.ConfigPath}

	cfg, ok := checkConfigFile(report, opts.ConfigPath)
	if !ok {
		return report
	}

	d := &doctor{opts: opts, cfg: cfg, report: report}
	d.checkGatewaySettings(ctx)
	d.checkGatewayAddresses(ctx)
	d.checkGatewayReachable(ctx)
	d.checkAgreement()

	st := d.checkDataDir(ctx)
	if st != nil {
		defer st.Close()
	}
	d.checkLogin(ctx, st)
	d.checkQuota(ctx, st)
	d.checkReader()
	d.checkSSH(ctx)
	return report
}

// doctor carries the loaded configuration through the checks.
type doctor struct {
	opts   DoctorOptions
	cfg    config.Config
	report *DoctorReport
}

// checkConfigFile loads the file with config.Load, so the doctor accepts and
// rejects exactly what the kiosk does. A file that config.Load rejects ends
// the run, because every other check needs its values.
func checkConfigFile(r *DoctorReport, path string) (config.Config, bool) {
	cfg, err := config.Load(path)
	if err == nil {
		r.ok(pCheckConfig, say(pConfigOK, path))
		return cfg, true
	}

	if errors.Is(err, config.ErrNotFound) {
		r.warn(pCheckConfig, say(pConfigMissing, path), say(pConfigMissingFix, path))
		return cfg, false
	}

	// A TOML syntax error quotes the offending text, which can be the
	// password itself, so only the line and the last key are shown.
	var parseErr toml.ParseError
	if errors.As(err, &parseErr) {
		r.fail(pCheckConfig, say(pConfigSyntax, path, parseErr.Position.Line, parseErr.LastKey), say(pConfigSyntaxFix))
		return cfg, false
	}
	// config.Load's other errors name keys, modes and non-secret values only.
	r.fail(pCheckConfig, say(pConfigInvalid, err.Error()), say(pConfigInvalidFix))
	return cfg, false
}

// checkAgreement checks that today lies inside the agreement's validity
// period, outside which the kiosk refuses every lookup.
func (d *doctor) checkAgreement() {
	now := d.opts.Now()
	from, until := d.cfg.Agreement.ValidFrom, d.cfg.Agreement.ValidUntil
	period := []any{from.Format(time.DateOnly), until.Format(time.DateOnly)}

	switch {
	case now.Before(from):
		d.report.fail(pCheckAgreement, say(pAgreementNotYet, period...), say(pAgreementFix))
	case !now.Before(d.cfg.AgreementEnd()):
		d.report.fail(pCheckAgreement, say(pAgreementEnded, period...), say(pAgreementFix))
	default:
		d.report.ok(pCheckAgreement, say(pAgreementOK, period...))
	}
}

// inAgreement reports whether lookups are allowed today.
func (d *doctor) inAgreement() bool {
	now := d.opts.Now()
	return !now.Before(d.cfg.Agreement.ValidFrom) && now.Before(d.cfg.AgreementEnd())
}
