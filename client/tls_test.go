package client_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"io"
	"log"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/disdikbud/kiosk/client"
	"github.com/disdikbud/kiosk/client/dukcapiltest"
)

// testPKI is a CA and a server certificate for 127.0.0.1 that it signed,
// made for one test.
type testPKI struct {
	caFile string
	server tls.Certificate
}

func newTestPKI(t *testing.T) testPKI {
	t.Helper()
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	caTemplate := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "Test Gateway CA"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(time.Hour),
		IsCA:                  true,
		KeyUsage:              x509.KeyUsageCertSign,
		BasicConstraintsValid: true,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, caTemplate, caTemplate, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	caCert, err := x509.ParseCertificate(caDER)
	if err != nil {
		t.Fatal(err)
	}

	serverKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	serverTemplate := &x509.Certificate{
		SerialNumber: big.NewInt(2),
		Subject:      pkix.Name{CommonName: "gateway"},
		IPAddresses:  []net.IP{net.ParseIP("127.0.0.1")},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	serverDER, err := x509.CreateCertificate(rand.Reader, serverTemplate, caCert, &serverKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}

	caFile := filepath.Join(t.TempDir(), "gateway-ca.pem")
	if err := os.WriteFile(caFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER}), 0o600); err != nil {
		t.Fatal(err)
	}
	return testPKI{
		caFile: caFile,
		server: tls.Certificate{Certificate: [][]byte{serverDER}, PrivateKey: serverKey},
	}
}

// newTLSFake starts the fake over TLS with cert, its handshake errors
// kept out of the test output.
func newTLSFake(t *testing.T, cert tls.Certificate) *dukcapiltest.Server {
	t.Helper()
	fake := dukcapiltest.NewUnstartedServer()
	fake.HTTP.TLS = &tls.Config{Certificates: []tls.Certificate{cert}}
	fake.HTTP.Config.ErrorLog = log.New(io.Discard, "", 0)
	fake.StartTLS()
	t.Cleanup(fake.Close)
	return fake
}

func lookupOnce(t *testing.T, cfg client.Config) (client.LookupResult, error) {
	t.Helper()
	cfg.ConnectTimeout = 2 * time.Second
	c, err := client.New(cfg)
	if err != nil {
		t.Fatalf("client.New: %v", err)
	}
	return c.LookupNIK(context.Background(), residentByStatus(t, dukcapiltest.StatusFound).NIK)
}

func TestTLSPinnedCA(t *testing.T) {
	pki := newTestPKI(t)
	fake := newTLSFake(t, pki.server)

	cfg := fake.ClientConfig()
	cfg.CAFile = pki.caFile
	result, err := lookupOnce(t, cfg)
	if err != nil || result.Outcome != client.Found {
		t.Fatalf("lookup with the pinned CA: %s, %v", result.Outcome, err)
	}
}

func TestTLSUnknownCAFailsUnsent(t *testing.T) {
	pki := newTestPKI(t)
	fake := newTLSFake(t, pki.server)
	other := newTestPKI(t)

	for name, caFile := range map[string]string{"system roots": "", "another CA": other.caFile} {
		cfg := fake.ClientConfig()
		cfg.CAFile = caFile
		result, err := lookupOnce(t, cfg)
		if err == nil {
			t.Fatalf("%s: the lookup succeeded against an untrusted certificate", name)
		}
		if result.Outcome != client.NetworkDown || !client.NeverSent(err) {
			t.Errorf("%s: outcome %s, NeverSent %v, want network_down and never sent", name, result.Outcome, client.NeverSent(err))
		}
	}
	if calls := len(fake.Calls()); calls != 0 {
		t.Errorf("the fake received %d requests over an untrusted connection", calls)
	}
}

func TestTLSBareIPSelfSigned(t *testing.T) {
	// httptest's own certificate is self-signed for 127.0.0.1, and no CA
	// of this test signed it.
	fake := dukcapiltest.NewUnstartedServer()
	fake.HTTP.Config.ErrorLog = log.New(io.Discard, "", 0)
	fake.StartTLS()
	defer fake.Close()

	cfg := fake.ClientConfig()
	cfg.InsecureSkipVerifyForBareIP = true
	result, err := lookupOnce(t, cfg)
	if err != nil || result.Outcome != client.Found {
		t.Fatalf("lookup with insecure_skip_verify_for_bare_ip: %s, %v", result.Outcome, err)
	}

	cfg.InsecureSkipVerifyForBareIP = false
	if _, err := lookupOnce(t, cfg); err == nil {
		t.Error("the lookup succeeded against a self-signed certificate without the setting")
	}
}
