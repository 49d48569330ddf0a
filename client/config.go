package client

import (
	"crypto/x509"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"os"
	"time"
)

// Defaults for the zero values of Config.
const (
	DefaultConnectTimeout = 10 * time.Second
	DefaultCallTimeout    = 20 * time.Second
	// DefaultThreshold is the TRESHOLD sent with CALL_VERIFY_BY_ELEMEN when
	// the caller passes a negative one.
	// NOTE: the gateway's own default is not public; 80 is a guess that
	// the office should confirm with Dukcapil.
	DefaultThreshold = 80
)

// Config is the gateway's address and the office's credentials. Validation
// errors name each field by its snake_case key (base_url, user_id, ...).
// NOTE: the config file's own key names are set by the config package and
// are assumed to be the same.
type Config struct {
	BaseURL    string // scheme, host and optional path prefix, e.g. https://10.1.2.3:8443
	CustomerID string // path element after /dukcapil/get_json/
	UserID     string
	Password   string
	IPUser     string // the kiosk's address as registered with Dukcapil, sent as IP_USER

	StoreURL    string // balikan endpoint; empty disables delivery
	StoreToken  string // bearer token for StoreURL
	LembagaID   string // id_lembaga of the office in a balikan batch
	LembagaName string // nama_lembaga

	ConnectTimeout time.Duration // TCP connect and TLS handshake; 0 means DefaultConnectTimeout
	CallTimeout    time.Duration // whole call including reading the reply; 0 means DefaultCallTimeout

	// CAFile is a PEM file with the CA certificates the gateway's TLS
	// certificate must chain to. Empty means the system roots.
	CAFile string
	// InsecureSkipVerifyForBareIP turns off certificate checks for a
	// gateway reached by a bare IP address with a self-signed certificate.
	// It is rejected for host names, which must use CAFile instead.
	InsecureSkipVerifyForBareIP bool

	Threshold int // TRESHOLD for CALL_VERIFY_BY_ELEMEN, 1-100; 0 means DefaultThreshold

	Logger *slog.Logger // nil means slog.Default()
}

// String describes the config without the user ID, password and token.
func (c Config) String() string {
	return fmt.Sprintf("client.Config{BaseURL:%q CustomerID:%q UserID:%s Password:%s IPUser:%q StoreURL:%q StoreToken:%s}",
		c.BaseURL, c.CustomerID, redact(c.UserID), redact(c.Password), c.IPUser, c.StoreURL, redact(c.StoreToken))
}

// GoString keeps %#v from printing the secrets.
func (c Config) GoString() string { return c.String() }

// LogValue makes slog print the config without the secrets.
func (c Config) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("base_url", c.BaseURL),
		slog.String("customer_id", c.CustomerID),
		slog.String("user_id", redact(c.UserID)),
		slog.String("password", redact(c.Password)),
		slog.String("ip_user", c.IPUser),
		slog.String("store_url", c.StoreURL),
		slog.String("store_token", redact(c.StoreToken)),
	)
}

func redact(secret string) string {
	if secret == "" {
		return "(empty)"
	}
	return "(redacted)"
}

// withDefaults returns c with zero durations and threshold replaced.
func (c Config) withDefaults() Config {
	if c.ConnectTimeout == 0 {
		c.ConnectTimeout = DefaultConnectTimeout
	}
	if c.CallTimeout == 0 {
		c.CallTimeout = DefaultCallTimeout
	}
	if c.Threshold == 0 {
		c.Threshold = DefaultThreshold
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	return c
}

// ConfigError names the config key that is wrong and how to fix it. It
// never contains the value of a secret.
type ConfigError struct {
	Key     string
	Problem string
	Fix     string
}

func (e *ConfigError) Error() string {
	return fmt.Sprintf("gateway config %s %s: %s", e.Key, e.Problem, e.Fix)
}

// Validate checks every field and returns all problems found, joined.
func (c Config) Validate() error {
	var errs []error
	add := func(key, problem, fix string) {
		errs = append(errs, &ConfigError{Key: key, Problem: problem, Fix: fix})
	}

	base, err := checkURL(c.BaseURL)
	switch {
	case c.BaseURL == "":
		add("base_url", "is missing", "set it to the gateway's address on the closed network, such as https://10.1.2.3:8443")
	case err != nil:
		add("base_url", "is invalid", err.Error())
	}

	required := []struct{ key, value, fix string }{
		{"customer_id", c.CustomerID, "set it to the customer id Dukcapil assigned to the office"},
		{"user_id", c.UserID, "set it to the office's gateway user ID"},
		{"password", c.Password, "set it to the office's gateway password"},
		{"ip_user", c.IPUser, "set it to the kiosk's IP address as registered with Dukcapil"},
	}
	for _, r := range required {
		if r.value == "" {
			add(r.key, "is missing", r.fix)
		}
	}
	if c.IPUser != "" && net.ParseIP(c.IPUser) == nil {
		add("ip_user", fmt.Sprintf("%q is not an IP address", c.IPUser), "set it to the kiosk's IP address as registered with Dukcapil, such as 10.1.2.50")
	}

	if c.StoreURL != "" {
		if _, err := checkURL(c.StoreURL); err != nil {
			add("store_url", "is invalid", err.Error())
		}
		if c.StoreToken == "" {
			add("store_token", "is missing", "set it to the bearer token for the balikan endpoint, or leave store_url empty to export balikan files only")
		}
		if c.LembagaID == "" {
			add("lembaga_id", "is missing", "set it to the office's id_lembaga for balikan delivery")
		}
	}

	if c.ConnectTimeout < 0 {
		add("connect_timeout", fmt.Sprintf("is negative (%s)", c.ConnectTimeout), "set a positive duration such as 10s, or leave it out for the default")
	}
	if c.CallTimeout < 0 {
		add("call_timeout", fmt.Sprintf("is negative (%s)", c.CallTimeout), "set a positive duration such as 20s, or leave it out for the default")
	}
	if c.Threshold < 0 || c.Threshold > 100 {
		add("threshold", fmt.Sprintf("is %d, outside 1-100", c.Threshold), "set a similarity threshold between 1 and 100, or leave it out for the default")
	}

	if c.CAFile != "" {
		if _, err := loadCAFile(c.CAFile); err != nil {
			add("ca_file", "cannot be used", err.Error())
		}
	}
	if c.InsecureSkipVerifyForBareIP && base != nil && !isBareIP(base) {
		add("insecure_skip_verify_for_bare_ip", fmt.Sprintf("is set but base_url's host %q is a name, not an IP address", base.Hostname()),
			"set ca_file to the CA that signed the gateway's certificate and turn this setting off")
	}

	return errors.Join(errs...)
}

func checkURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, errors.New("write it as scheme://host[:port][/path], such as https://10.1.2.3:8443")
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("scheme %q is not http or https: write it as https://host[:port]", u.Scheme)
	}
	if u.Host == "" {
		return nil, errors.New("the host is missing: write it as https://host[:port]")
	}
	if u.User != nil {
		return nil, errors.New("it contains a user name or password: remove them, credentials go in user_id and password")
	}
	return u, nil
}

func isBareIP(u *url.URL) bool { return net.ParseIP(u.Hostname()) != nil }

func loadCAFile(path string) (*x509.CertPool, error) {
	pem, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading %s failed (%v): check the path and that the kiosk may read it", path, err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("%s contains no PEM certificate: point it at the CA certificate file", path)
	}
	return pool, nil
}
