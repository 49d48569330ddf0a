package app

import (
	"context"
	"crypto/x509"
	"errors"
	"net"
	"net/netip"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/disdikbud/kiosk/client"
	"github.com/disdikbud/kiosk/config"
	"github.com/disdikbud/kiosk/ppdb"
	"github.com/disdikbud/kiosk/store"
)

// resolveTimeout bounds the DNS lookup of a gateway host name, so a kiosk
// without DNS on the closed network does not stall the doctor.
const resolveTimeout = 3 * time.Second

// doctorOperator is the operator the hit of `kiosk doctor -login` is
// counted under, so the semester report shows it apart from registrations.
const doctorOperator = "DOCTOR"

// checkGatewaySettings runs the gateway client's own validation, except for
// ca_file and the self-signed setting, which checkGatewayAddresses reports
// in more detail.
func (d *doctor) checkGatewaySettings(context.Context) {
	err := GatewayClientConfig(d.cfg.Gateway).Validate()
	var problems []string
	for _, e := range flatten(err) {
		var ce *client.ConfigError
		if errors.As(e, &ce) && (ce.Key == "ca_file" || ce.Key == "insecure_skip_verify_for_bare_ip") {
			continue
		}
		problems = append(problems, e.Error())
	}
	if len(problems) > 0 {
		d.report.fail(pCheckGatewaySettings, say(pGatewaySettingsBad, strings.Join(problems, "; ")), say(pGatewaySettingsFix))
		return
	}
	d.report.ok(pCheckGatewaySettings, say(pGatewaySettingsOK))
}

// flatten lists the errors inside an errors.Join, or err alone.
func flatten(err error) []error {
	if err == nil {
		return nil
	}
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		return joined.Unwrap()
	}
	return []error{err}
}

// checkGatewayAddresses checks that base_url and store_url point into the
// closed network, that credentials do not travel in the clear, and the TLS
// settings.
func (d *doctor) checkGatewayAddresses(ctx context.Context) {
	g := d.cfg.Gateway
	d.checkURLAddress(ctx, "base_url", g.BaseURL)
	if g.StoreURL != "" {
		d.checkURLAddress(ctx, "store_url", g.StoreURL)
	}

	if g.CAFile != "" {
		d.checkCAFile(g.CAFile)
	}
	if g.AllowSelfSignedIP {
		base, err := url.Parse(g.BaseURL)
		if err == nil && base.Hostname() != "" && net.ParseIP(base.Hostname()) == nil {
			d.report.fail(pCheckTLS, say(pSelfSignedName, base.Hostname()), say(pSelfSignedNameFix))
		} else {
			d.report.warn(pCheckTLS, say(pSelfSignedIP), say(pSelfSignedIPFix))
		}
	}
}

// checkURLAddress checks one URL's host: every address it stands for must
// be private, loopback or link-local, and plain http is only for loopback.
func (d *doctor) checkURLAddress(ctx context.Context, key, raw string) {
	u, err := url.Parse(raw)
	if err != nil || u.Hostname() == "" {
		// checkGatewaySettings has already reported the invalid URL.
		return
	}
	host := u.Hostname()

	addrs, err := d.resolve(ctx, host)
	if err != nil {
		d.report.fail(pCheckAddress, say(pAddressUnresolved, key, host), say(pAddressUnresolvedFix))
		return
	}
	var public []string
	loopbackOnly := true
	for _, a := range addrs {
		if !closedNetwork(a) {
			public = append(public, a.String())
		}
		if !a.IsLoopback() {
			loopbackOnly = false
		}
	}

	switch {
	case len(public) > 0:
		d.report.warn(pCheckAddress, say(pAddressPublic, key, host, strings.Join(public, ", ")), say(pAddressPublicFix, key))
	default:
		d.report.ok(pCheckAddress, say(pAddressOK, key, host))
	}
	if u.Scheme == "http" && !loopbackOnly {
		d.report.warn(pCheckAddress, say(pAddressCleartext, key, host), say(pAddressCleartextFix, key))
	}
}

// resolve returns the addresses of host: the host itself when it is an IP
// address, otherwise what DNS returns within resolveTimeout.
func (d *doctor) resolve(ctx context.Context, host string) ([]netip.Addr, error) {
	if a, err := netip.ParseAddr(host); err == nil {
		return []netip.Addr{a.Unmap()}, nil
	}
	ctx, cancel := context.WithTimeout(ctx, resolveTimeout)
	defer cancel()
	found, err := d.opts.resolver.LookupIPAddr(ctx, host)
	if err != nil {
		return nil, err
	}
	if len(found) == 0 {
		return nil, errors.New("no address")
	}
	addrs := make([]netip.Addr, 0, len(found))
	for _, f := range found {
		if a, ok := netip.AddrFromSlice(f.IP); ok {
			addrs = append(addrs, a.Unmap())
		}
	}
	return addrs, nil
}

// cgnat is 100.64.0.0/10, the shared address space that carrier-grade NAT
// and many VPNs use. netip's IsPrivate does not include it.
var cgnat = netip.MustParsePrefix("100.64.0.0/10")

// closedNetwork reports whether a is an address that cannot be reached from
// the public internet: RFC 1918 and ULA ranges, CGNAT/VPN, loopback and
// link-local.
func closedNetwork(a netip.Addr) bool {
	a = a.Unmap()
	return a.IsPrivate() || a.IsLoopback() || a.IsLinkLocalUnicast() || cgnat.Contains(a)
}

func (d *doctor) checkCAFile(path string) {
	pem, err := os.ReadFile(path)
	if err != nil {
		d.report.fail(pCheckTLS, say(pCAUnreadable, path, err.Error()), say(pCAFix))
		return
	}
	if !x509.NewCertPool().AppendCertsFromPEM(pem) {
		d.report.fail(pCheckTLS, say(pCANotPEM, path), say(pCAFix))
		return
	}
	d.report.ok(pCheckTLS, say(pCAOK, path))
}

// checkGatewayReachable opens and closes one TCP connection to base_url's
// host and port within the connect timeout. It sends nothing, so it costs
// no hit.
func (d *doctor) checkGatewayReachable(ctx context.Context) {
	u, err := url.Parse(d.cfg.Gateway.BaseURL)
	if err != nil || u.Hostname() == "" {
		d.report.fail(pCheckReach, say(pReachNoURL), say(pGatewaySettingsFix))
		return
	}
	port := u.Port()
	if port == "" {
		port = "443"
		if u.Scheme == "http" {
			port = "80"
		}
	}
	addr := net.JoinHostPort(u.Hostname(), port)

	timeout := d.cfg.Gateway.ConnectTimeout
	if timeout <= 0 {
		timeout = client.DefaultConnectTimeout
	}
	dialer := net.Dialer{Timeout: timeout}
	conn, err := dialer.DialContext(ctx, "tcp", addr)
	if err != nil {
		d.report.fail(pCheckReach, say(pReachFailed, addr, timeout, err.Error()), say(pReachFix))
		return
	}
	conn.Close()
	d.report.ok(pCheckReach, say(pReachOK, addr))
}

// checkLogin makes one lookup of opts.NIK through the quota guard when the
// operator asked for it with -login. The gateway's answer shows whether the
// user ID, password and registered IP are accepted.
func (d *doctor) checkLogin(ctx context.Context, st *store.Store) {
	if !d.opts.Login {
		d.report.ok(pCheckLogin, say(pLoginSkipped))
		return
	}
	if !validNIK(d.opts.NIK) {
		d.report.fail(pCheckLogin, say(pLoginBadNIK), say(pLoginBadNIKFix))
		return
	}
	if !d.inAgreement() {
		d.report.fail(pCheckLogin, say(pLoginOutsideAgreement), say(pAgreementFix))
		return
	}
	if st == nil {
		d.report.fail(pCheckLogin, say(pLoginNoStore), say(pLoginNoStoreFix))
		return
	}
	gw, err := client.New(GatewayClientConfig(d.cfg.Gateway))
	if err != nil {
		d.report.fail(pCheckLogin, say(pLoginNoClient), say(pGatewaySettingsFix))
		return
	}

	guard := client.NewQuotaGuard(gw, st, d.cfg.Quota.DailyLimit, d.opts.Now)
	result, err := guard.Lookup(ctx, doctorOperator, d.opts.NIK)
	if result.Record != nil {
		*result.Record = client.Record{}
	}
	d.reportLogin(result, err)
}

func (d *doctor) reportLogin(result client.LookupResult, err error) {
	outcome := result.Outcome
	if err != nil {
		outcome = client.OutcomeOf(err)
	}

	switch {
	case errors.Is(err, client.ErrQuotaReached):
		d.report.fail(pCheckLogin, say(pLoginQuota), say(pLoginQuotaFix))
	case err != nil:
		var ce *client.CallError
		sent := errors.As(err, &ce) && !ce.NeverSent
		msg := say(pLoginCallFailed, outcome.String())
		if sent {
			msg = say(pLoginCallFailedSent, outcome.String())
		}
		d.report.fail(pCheckLogin, msg, say(pReachFix))
	case outcome.IsConfigFault():
		d.report.fail(pCheckLogin, say(pLoginFault, outcome.Code(), outcome.String()), faultFix(outcome))
	default:
		// Found and every identity outcome mean the gateway accepted the
		// office's credentials and address.
		d.report.ok(pCheckLogin, say(pLoginOK, outcome.Code(), outcome.String()))
	}
	if err == nil && result.QuotaRemaining >= 0 {
		d.report.ok(pCheckLogin, say(pLoginRemaining, result.QuotaRemaining))
	}
}

// faultFix returns the next step for a configuration fault the gateway
// reported.
func faultFix(o client.Outcome) message {
	switch o {
	case client.LoginFailed:
		return say(pFixLogin)
	case client.IPMismatch, client.InvalidIP:
		return say(pFixIP)
	case client.QuotaExhausted:
		return say(pLoginQuotaFix)
	case client.OutsideHours:
		return say(pFixHours)
	case client.IncompleteRequest, client.EmptyCredentials:
		return say(pFixIncomplete)
	case client.OfficeInactive, client.UserInactive:
		return say(pFixInactive)
	}
	return say(pFixLogin)
}

func validNIK(nik string) bool { return len(nik) == 16 && ppdb.IsDigits(nik) }

// GatewayClientConfig maps the config file's [gateway] section onto the
// gateway client's config.
func GatewayClientConfig(g config.Gateway) client.Config {
	return client.Config{
		BaseURL:                     g.BaseURL,
		CustomerID:                  g.CustomerID,
		UserID:                      g.UserID,
		Password:                    g.Password,
		IPUser:                      g.IPUser,
		StoreURL:                    g.StoreURL,
		StoreToken:                  g.StoreToken,
		LembagaID:                   g.LembagaID,
		LembagaName:                 g.LembagaName,
		ConnectTimeout:              g.ConnectTimeout,
		CallTimeout:                 g.CallTimeout,
		CAFile:                      g.CAFile,
		InsecureSkipVerifyForBareIP: g.AllowSelfSignedIP,
		Threshold:                   g.Threshold,
	}
}
