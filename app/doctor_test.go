package app

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"fmt"
	"net"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/disdikbud/kiosk/client/dukcapiltest"
	"github.com/disdikbud/kiosk/device"
	"github.com/disdikbud/kiosk/store"
	"github.com/ebfe/scard"
	"golang.org/x/crypto/ssh"
)

// fakeNIK is a made-up resident of the fake gateway.
const fakeNIK = "3313041205780003"

// kioskSetup is a complete configured kiosk in a temporary directory,
// pointed at the fake gateway on loopback.
type kioskSetup struct {
	dir, dataDir string
	gateway      *dukcapiltest.Server
	user, pass   string // credentials written to the config
	token        string
	gatewayExtra string // more [gateway] lines
	agreement    string // the [agreement] section's body
	quota        int
	samSecret    string
	sshListen    string
	keys         string // authorized_keys contents
}

func newKioskSetup(t *testing.T) *kioskSetup {
	t.Helper()
	srv := dukcapiltest.NewServer()
	t.Cleanup(srv.Close)

	pub, _, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	sshKey, err := ssh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	return &kioskSetup{
		dir:       dir,
		dataDir:   filepath.Join(dir, "data"),
		gateway:   srv,
		user:      dukcapiltest.UserID,
		pass:      dukcapiltest.Password,
		token:     dukcapiltest.StoreToken,
		agreement: "valid_from = 2022-09-16\nvalid_until = 2099-12-31",
		quota:     1000,
		samSecret: strings.Repeat("0a", 32),
		sshListen: "127.0.0.1:2222",
		keys:      string(ssh.MarshalAuthorizedKey(sshKey)),
	}
}

// write writes the config and the files it names, and returns its path.
func (k *kioskSetup) write(t *testing.T) string {
	t.Helper()
	secret := filepath.Join(k.dir, "sam.secret")
	writeFile(t, secret, k.samSecret+"\n", 0o600)
	helper := filepath.Join(k.dir, "fp-match")
	writeFile(t, helper, "#!/bin/sh\nexit 0\n", 0o755)
	keys := filepath.Join(k.dir, "authorized_keys")
	writeFile(t, keys, k.keys, 0o600)

	body := fmt.Sprintf(`data_dir = %q

[gateway]
base_url = %q
customer_id = %q
user_id = %q
password = %q
ip_user = %q
store_url = %q
store_token = %q
lembaga_id = "3313-DISDIKBUD"
connect_timeout = "2s"
%s

[quota]
daily_limit = %d

[agreement]
%s

[reader]
kind = "pcsc"
card_reader = "PCD 00 00"
sam_reader = "PCD 00 01"
sam_secret_file = %q
fingerprint_helper = %q

[ssh]
listen = %q
authorized_keys = %q
`, k.dataDir, k.gateway.URL, dukcapiltest.CustomerID, k.user, k.pass, dukcapiltest.IPUser,
		k.gateway.StoreURL(), k.token, k.gatewayExtra, k.quota, k.agreement, secret, helper, k.sshListen, keys)
	path := filepath.Join(k.dir, "kiosk.toml")
	writeFile(t, path, body, 0o600)
	return path
}

func writeFile(t *testing.T, path, body string, mode os.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, []byte(body), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
}

// twoReaders replaces pcscd with a list of both vpcd readers.
func twoReaders() ([]string, error) {
	return []string{device.DefaultCardReader, device.DefaultSAMReader}, nil
}

func runDoctor(t *testing.T, opts DoctorOptions) (*DoctorReport, string, string) {
	t.Helper()
	if opts.listReaders == nil {
		opts.listReaders = twoReaders
	}
	report := Doctor(context.Background(), opts)
	var id, en bytes.Buffer
	if err := report.Write(&id, "id"); err != nil {
		t.Fatal(err)
	}
	if err := report.Write(&en, "en"); err != nil {
		t.Fatal(err)
	}
	return report, id.String(), en.String()
}

// findings returns the findings of one check with the given status.
func findings(r *DoctorReport, check phrase, status Status) []Finding {
	var found []Finding
	for _, f := range r.Findings {
		if f.Check == check && f.Status == status {
			found = append(found, f)
		}
	}
	return found
}

func requireFinding(t *testing.T, r *DoctorReport, check phrase, status Status, enWords string) Finding {
	t.Helper()
	for _, f := range findings(r, check, status) {
		line := f.Result.in(true) + " " + f.Action.in(true)
		if strings.Contains(line, enWords) {
			return f
		}
	}
	t.Fatalf("no %q finding with status %d containing %q; findings:\n%s", check.en, status, enWords, dump(r))
	return Finding{}
}

func dump(r *DoctorReport) string {
	var b bytes.Buffer
	r.Write(&b, "en")
	return b.String()
}

func TestDoctorHealthyKiosk(t *testing.T) {
	k := newKioskSetup(t)
	report, id, en := runDoctor(t, DoctorOptions{ConfigPath: k.write(t)})

	if report.Failed() {
		t.Fatalf("healthy kiosk failed:\n%s", en)
	}
	if n := report.count(StatusWarning); n != 0 {
		t.Errorf("healthy kiosk has %d warnings:\n%s", n, en)
	}
	requireFinding(t, report, pCheckReach, StatusOK, "TCP connection")
	requireFinding(t, report, pCheckDatabase, StatusOK, "WAL mode")
	requireFinding(t, report, pCheckPCSC, StatusOK, `matches "Virtual PCD 00 01"`)
	requireFinding(t, report, pCheckSSH, StatusOK, "1 public keys")
	if got := len(k.gateway.Calls()); got != 0 {
		t.Errorf("doctor without -login sent %d gateway calls, want 0", got)
	}
	if !strings.Contains(id, "OK         Berkas konfigurasi") {
		t.Errorf("Indonesian output lacks the config line:\n%s", id)
	}
	info, err := os.Stat(k.dataDir)
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm != 0o700 {
		t.Errorf("data directory created with mode %04o, want 0700", perm)
	}
}

// TestDoctorNeverPrintsSecrets plants a made-up password and token, makes
// the login fail, and checks that neither they, the SAM secret nor the NIK
// appear in either language.
func TestDoctorNeverPrintsSecrets(t *testing.T) {
	k := newKioskSetup(t)
	k.pass = "Planted-Pw-7731-not-real"
	k.token = "planted-token-55-not-real"
	k.samSecret = strings.Repeat("5e", 32)
	report, id, en := runDoctor(t, DoctorOptions{ConfigPath: k.write(t), Login: true, NIK: fakeNIK})

	requireFinding(t, report, pCheckLogin, StatusFailed, "check user_id and password")
	if !report.Failed() {
		t.Error("failed login did not fail the report")
	}
	for _, secret := range []string{k.pass, k.token, k.samSecret, fakeNIK} {
		if strings.Contains(id, secret) || strings.Contains(en, secret) {
			t.Errorf("output contains %q:\n%s\n%s", secret, id, en)
		}
	}
}

func TestDoctorSyntaxErrorHidesLine(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "kiosk.toml")
	writeFile(t, path, "[gateway]\npassword = Planted-Pw-unquoted\n", 0o600)
	report, id, en := runDoctor(t, DoctorOptions{ConfigPath: path})

	requireFinding(t, report, pCheckConfig, StatusFailed, "line 2")
	if strings.Contains(id+en, "Planted-Pw-unquoted") {
		t.Errorf("syntax error output shows the password:\n%s", en)
	}
}

func TestDoctorConfigFile(t *testing.T) {
	t.Run("mode 0644", func(t *testing.T) {
		k := newKioskSetup(t)
		path := k.write(t)
		if err := os.Chmod(path, 0o644); err != nil {
			t.Fatal(err)
		}
		report, _, _ := runDoctor(t, DoctorOptions{ConfigPath: path})
		requireFinding(t, report, pCheckConfig, StatusFailed, "chmod 600")
		if len(report.Findings) != 1 {
			t.Errorf("checks ran after the rejected config:\n%s", dump(report))
		}
	})
	t.Run("unknown key", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "kiosk.toml")
		writeFile(t, path, "[gateway]\nbase_ur1 = \"https://10.1.2.3\"\n", 0o600)
		report, _, _ := runDoctor(t, DoctorOptions{ConfigPath: path})
		requireFinding(t, report, pCheckConfig, StatusFailed, "unknown key gateway.base_ur1")
	})
	t.Run("missing", func(t *testing.T) {
		report, _, _ := runDoctor(t, DoctorOptions{ConfigPath: filepath.Join(t.TempDir(), "none.toml")})
		requireFinding(t, report, pCheckConfig, StatusWarning, "would run the demo")
		if report.Failed() {
			t.Error("a missing config failed the report; the kiosk runs the demo then")
		}
	})
}

func TestDoctorLogin(t *testing.T) {
	k := newKioskSetup(t)
	report, _, en := runDoctor(t, DoctorOptions{ConfigPath: k.write(t), Login: true, NIK: fakeNIK})

	requireFinding(t, report, pCheckLogin, StatusOK, "used 1 hit")
	requireFinding(t, report, pCheckQuota, StatusOK, "1 of 1000 hits used")
	if report.Failed() {
		t.Errorf("login with the fake's credentials failed:\n%s", en)
	}
	if got := len(k.gateway.Calls()); got != 1 {
		t.Errorf("gateway got %d calls, want 1", got)
	}
}

func TestDoctorLoginFaults(t *testing.T) {
	cases := []struct {
		code, fix string
	}{
		{"03", "check user_id and password"},
		{"04", "ip_user not registered"},
		{"10", "ip_user not registered"},
		{"06", "permitted hours"},
		{"16", "inactive at Dukcapil"},
		{"17", "inactive at Dukcapil"},
	}
	for _, c := range cases {
		t.Run(c.code, func(t *testing.T) {
			k := newKioskSetup(t)
			k.gateway.FailNext(1, c.code, "")
			report, _, _ := runDoctor(t, DoctorOptions{ConfigPath: k.write(t), Login: true, NIK: fakeNIK})
			f := requireFinding(t, report, pCheckLogin, StatusFailed, c.fix)
			if !strings.Contains(f.Result.in(true), "code "+c.code) {
				t.Errorf("result %q does not name code %s", f.Result.in(true), c.code)
			}
		})
	}
}

func TestDoctorLoginNeedsNIK(t *testing.T) {
	k := newKioskSetup(t)
	report, _, _ := runDoctor(t, DoctorOptions{ConfigPath: k.write(t), Login: true, NIK: "12345"})
	requireFinding(t, report, pCheckLogin, StatusFailed, "16 digits")
	if got := len(k.gateway.Calls()); got != 0 {
		t.Errorf("gateway got %d calls for an invalid NIK, want 0", got)
	}
}

func TestDoctorAgreementEnded(t *testing.T) {
	k := newKioskSetup(t)
	k.agreement = "valid_from = 2022-09-16\nvalid_until = 2024-09-15"
	report, _, _ := runDoctor(t, DoctorOptions{ConfigPath: k.write(t), Login: true, NIK: fakeNIK})

	requireFinding(t, report, pCheckAgreement, StatusFailed, "lookups are refused")
	requireFinding(t, report, pCheckLogin, StatusFailed, "outside the agreement period")
	if got := len(k.gateway.Calls()); got != 0 {
		t.Errorf("gateway got %d calls outside the agreement, want 0", got)
	}
}

func TestDoctorAddresses(t *testing.T) {
	t.Run("public store_url", func(t *testing.T) {
		k := newKioskSetup(t)
		// Only base_url is dialled, so this address is never contacted.
		k.gatewayExtra = `ca_file = ""`
		path := k.write(t)
		rewrite(t, path, k.gateway.StoreURL(), "https://203.0.113.10/balikan")
		report, _, _ := runDoctor(t, DoctorOptions{ConfigPath: path})
		requireFinding(t, report, pCheckAddress, StatusWarning, "not a closed-network address")
	})
	t.Run("plain http to a private host", func(t *testing.T) {
		k := newKioskSetup(t)
		path := k.write(t)
		rewrite(t, path, k.gateway.StoreURL(), "http://10.1.2.3/balikan")
		report, _, _ := runDoctor(t, DoctorOptions{ConfigPath: path})
		requireFinding(t, report, pCheckAddress, StatusWarning, "in the clear")
	})
	t.Run("self-signed with a host name", func(t *testing.T) {
		k := newKioskSetup(t)
		k.gatewayExtra = "allow_self_signed_ip = true"
		path := k.write(t)
		rewrite(t, path, "base_url = \"http://127.0.0.1:", "base_url = \"http://localhost:")
		report, _, _ := runDoctor(t, DoctorOptions{ConfigPath: path})
		requireFinding(t, report, pCheckTLS, StatusFailed, "host name localhost")
		requireFinding(t, report, pCheckAddress, StatusOK, "localhost is on the closed network")
	})
	t.Run("ca_file not PEM", func(t *testing.T) {
		k := newKioskSetup(t)
		ca := filepath.Join(k.dir, "ca.pem")
		writeFile(t, ca, "not a certificate\n", 0o644)
		k.gatewayExtra = fmt.Sprintf("ca_file = %q", ca)
		report, _, _ := runDoctor(t, DoctorOptions{ConfigPath: k.write(t)})
		requireFinding(t, report, pCheckTLS, StatusFailed, "no PEM certificate")
	})
}

func rewrite(t *testing.T, path, old, new string) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(raw, []byte(old)) {
		t.Fatalf("%s does not contain %q", path, old)
	}
	writeFile(t, path, strings.Replace(string(raw), old, new, 1), 0o600)
}

func TestClosedNetwork(t *testing.T) {
	cases := map[string]bool{
		"10.10.1.20": true, "172.16.0.1": true, "172.31.255.1": true, "192.168.1.1": true,
		"100.64.0.1": true, "100.127.255.1": true, "127.0.0.1": true, "::1": true,
		"fe80::1": true, "fd12:3456::1": true, "::ffff:10.0.0.1": true,
		"172.32.0.1": false, "100.128.0.1": false, "8.8.8.8": false, "203.0.113.10": false,
		"2001:db8::1": false,
	}
	for addr, want := range cases {
		if got := closedNetwork(netip.MustParseAddr(addr)); got != want {
			t.Errorf("closedNetwork(%s) = %v, want %v", addr, got, want)
		}
	}
}

func TestDoctorGatewayUnreachable(t *testing.T) {
	k := newKioskSetup(t)
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closedAddr := listener.Addr().String()
	listener.Close()

	path := k.write(t)
	rewrite(t, path, strings.TrimPrefix(k.gateway.URL, "http://"), closedAddr)
	report, _, _ := runDoctor(t, DoctorOptions{ConfigPath: path})
	requireFinding(t, report, pCheckReach, StatusFailed, "TCP connection to "+closedAddr+" failed")
}

func TestDoctorQuotaWarning(t *testing.T) {
	k := newKioskSetup(t)
	k.quota = 10
	path := k.write(t)
	st := openStore(t, k.dataDir)
	for range 8 {
		if _, _, err := st.ReserveHit(context.Background(), time.Now(), "OP01", 10); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()

	report, _, _ := runDoctor(t, DoctorOptions{ConfigPath: path})
	requireFinding(t, report, pCheckQuota, StatusWarning, "8 of 10 hits used today (80% or more)")
}

func TestDoctorStalePending(t *testing.T) {
	k := newKioskSetup(t)
	path := k.write(t)
	st := openStore(t, k.dataDir)
	_, err := st.Enqueue(context.Background(), store.QueuedBalikan{
		Key: "k1", NIK: fakeNIK, Operator: "OP01", CreatedAt: time.Now().Add(-4 * 24 * time.Hour),
	})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()

	report, id, en := runDoctor(t, DoctorOptions{ConfigPath: path})
	requireFinding(t, report, pCheckQueue, StatusWarning, "pending 1, sending 0, delivered 0, exported 0. The oldest record has waited 4 days")
	requireFinding(t, report, pCheckQueue, StatusWarning, "removable media")
	if strings.Contains(id+en, fakeNIK) {
		t.Error("queue check printed the queued NIK")
	}
}

func openStore(t *testing.T, dataDir string) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(dataDir, "kiosk.db"))
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestDoctorReader(t *testing.T) {
	t.Run("pcscd down", func(t *testing.T) {
		k := newKioskSetup(t)
		report, _, _ := runDoctor(t, DoctorOptions{
			ConfigPath:  k.write(t),
			listReaders: func() ([]string, error) { return nil, scard.ErrNoService },
		})
		requireFinding(t, report, pCheckPCSC, StatusFailed, "start pcscd")
	})
	t.Run("SAM reader missing", func(t *testing.T) {
		k := newKioskSetup(t)
		report, _, _ := runDoctor(t, DoctorOptions{
			ConfigPath:  k.write(t),
			listReaders: func() ([]string, error) { return []string{device.DefaultCardReader}, nil },
		})
		requireFinding(t, report, pCheckPCSC, StatusOK, `1 readers: "Virtual PCD 00 00"`)
		requireFinding(t, report, pCheckPCSC, StatusFailed, `SAM reader pattern "PCD 00 01"`)
	})
	t.Run("SAM secret mode 0644", func(t *testing.T) {
		k := newKioskSetup(t)
		path := k.write(t)
		if err := os.Chmod(filepath.Join(k.dir, "sam.secret"), 0o644); err != nil {
			t.Fatal(err)
		}
		report, _, _ := runDoctor(t, DoctorOptions{ConfigPath: path})
		requireFinding(t, report, pCheckSAMSecret, StatusFailed, "chmod 600")
	})
	t.Run("SAM secret too short", func(t *testing.T) {
		k := newKioskSetup(t)
		k.samSecret = "abcdef"
		report, _, en := runDoctor(t, DoctorOptions{ConfigPath: k.write(t)})
		requireFinding(t, report, pCheckSAMSecret, StatusFailed, "exactly 64 hex digits")
		if strings.Contains(en, "abcdef") {
			t.Error("output shows the SAM secret file's contents")
		}
	})
	t.Run("helper not executable", func(t *testing.T) {
		k := newKioskSetup(t)
		path := k.write(t)
		if err := os.Chmod(filepath.Join(k.dir, "fp-match"), 0o644); err != nil {
			t.Fatal(err)
		}
		report, _, _ := runDoctor(t, DoctorOptions{ConfigPath: path})
		requireFinding(t, report, pCheckFingerprint, StatusFailed, "chmod 755")
	})
}

func TestDoctorSSH(t *testing.T) {
	t.Run("no keys", func(t *testing.T) {
		k := newKioskSetup(t)
		k.keys = "# nobody yet\n"
		report, _, _ := runDoctor(t, DoctorOptions{ConfigPath: k.write(t)})
		requireFinding(t, report, pCheckSSH, StatusFailed, "no valid public key")
	})
	t.Run("every interface", func(t *testing.T) {
		k := newKioskSetup(t)
		k.sshListen = ":2222"
		report, _, _ := runDoctor(t, DoctorOptions{ConfigPath: k.write(t)})
		requireFinding(t, report, pCheckSSH, StatusWarning, "every interface")
	})
	t.Run("public address", func(t *testing.T) {
		k := newKioskSetup(t)
		k.sshListen = "203.0.113.10:2222"
		report, _, _ := runDoctor(t, DoctorOptions{ConfigPath: k.write(t)})
		requireFinding(t, report, pCheckSSH, StatusWarning, "not a loopback or closed-network")
	})
}
