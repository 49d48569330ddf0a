package client_test

import (
	"bytes"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/disdikbud/kiosk/client"
)

func validConfig() client.Config {
	return client.Config{
		BaseURL:     "https://10.1.2.3:8443",
		CustomerID:  "OFFICE-1",
		UserID:      "secret-user-id",
		Password:    "secret-password",
		IPUser:      "10.1.2.50",
		StoreURL:    "https://10.1.2.3:8443/balikan",
		StoreToken:  "secret-token",
		LembagaID:   "L-1",
		LembagaName: "DISDIKBUD",
	}
}

func TestConfigValid(t *testing.T) {
	if err := validConfig().Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	if _, err := client.New(validConfig()); err != nil {
		t.Fatalf("client.New: %v", err)
	}
}

func TestConfigErrorsNameKeyAndFix(t *testing.T) {
	emptyPEM := filepath.Join(t.TempDir(), "empty.pem")
	if err := os.WriteFile(emptyPEM, []byte("not a certificate"), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		key    string
		change func(*client.Config)
	}{
		{"base_url", func(c *client.Config) { c.BaseURL = "" }},
		{"base_url", func(c *client.Config) { c.BaseURL = "ftp://10.1.2.3" }},
		{"base_url", func(c *client.Config) { c.BaseURL = "https://user:pw@10.1.2.3" }},
		{"customer_id", func(c *client.Config) { c.CustomerID = "" }},
		{"user_id", func(c *client.Config) { c.UserID = "" }},
		{"password", func(c *client.Config) { c.Password = "" }},
		{"ip_user", func(c *client.Config) { c.IPUser = "" }},
		{"ip_user", func(c *client.Config) { c.IPUser = "kiosk-1" }},
		{"store_url", func(c *client.Config) { c.StoreURL = "10.1.2.3/balikan" }},
		{"store_token", func(c *client.Config) { c.StoreToken = "" }},
		{"lembaga_id", func(c *client.Config) { c.LembagaID = "" }},
		{"connect_timeout", func(c *client.Config) { c.ConnectTimeout = -time.Second }},
		{"call_timeout", func(c *client.Config) { c.CallTimeout = -time.Second }},
		{"threshold", func(c *client.Config) { c.Threshold = 101 }},
		{"ca_file", func(c *client.Config) { c.CAFile = filepath.Join(t.TempDir(), "missing.pem") }},
		{"ca_file", func(c *client.Config) { c.CAFile = emptyPEM }},
		{"insecure_skip_verify_for_bare_ip", func(c *client.Config) {
			c.BaseURL = "https://gateway.dukcapil.test"
			c.InsecureSkipVerifyForBareIP = true
		}},
	}
	for i, tc := range cases {
		t.Run(fmt.Sprintf("%d_%s", i, tc.key), func(t *testing.T) {
			cfg := validConfig()
			tc.change(&cfg)
			err := cfg.Validate()
			if err == nil {
				t.Fatal("Validate accepted the config")
			}
			msg := err.Error()
			if !strings.Contains(msg, tc.key) {
				t.Errorf("error %q does not name %s", msg, tc.key)
			}
			if !strings.Contains(msg, ":") {
				t.Errorf("error %q says no fix", msg)
			}
			for _, secret := range []string{"secret-password", "secret-token", "secret-user-id"} {
				if strings.Contains(msg, secret) {
					t.Errorf("error %q shows a secret", msg)
				}
			}
			if _, err := client.New(cfg); err == nil {
				t.Error("client.New accepted the config")
			}
		})
	}
}

func TestConfigBareIPAllowed(t *testing.T) {
	cfg := validConfig()
	cfg.InsecureSkipVerifyForBareIP = true
	if err := cfg.Validate(); err != nil {
		t.Errorf("Validate rejected the setting for a bare IP: %v", err)
	}
}

func TestConfigRedactsSecrets(t *testing.T) {
	cfg := validConfig()
	var logs bytes.Buffer
	slog.New(slog.NewJSONHandler(&logs, nil)).Info("config", "gateway", cfg)
	printed := []string{
		cfg.String(),
		fmt.Sprintf("%v", cfg),
		fmt.Sprintf("%+v", cfg),
		fmt.Sprintf("%#v", cfg),
		logs.String(),
	}
	for i, text := range printed {
		for _, secret := range []string{"secret-password", "secret-token", "secret-user-id"} {
			if strings.Contains(text, secret) {
				t.Errorf("form %d shows %s: %s", i, secret, text)
			}
		}
		if !strings.Contains(text, "10.1.2.3") {
			t.Errorf("form %d lacks the base URL: %s", i, text)
		}
	}
}
