package client

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestLookupBodyMatchesMarshal(t *testing.T) {
	configs := []Config{
		{UserID: "kiosk01", Password: "s3cret", IPUser: "10.0.0.5"},
		{UserID: `user "quoted"`, Password: `p<a>s&s\word`, IPUser: "10.0.0.5"},
		{UserID: "", Password: "", IPUser: ""},
		{UserID: "pengguna\u00e9", Password: "line\nbreak\u2028", IPUser: "::1"},
	}
	niks := []string{
		"3313041205780003", "", "33130412057800031234", " 3313041205780003 ",
		`33"13`, `33\13`, "33<13>&", "33\t13", "3313\u00e9", "\xff", "33\x7f13",
	}
	for _, cfg := range configs {
		c := &HTTPClient{cfg: cfg}
		tail, err := c.encodeLookupTail()
		if err != nil {
			t.Fatal(err)
		}
		c.lookupTail = tail
		for _, nik := range niks {
			want, err := json.Marshal(lookupRequest{NIK: nik, UserID: cfg.UserID, Password: cfg.Password, IPUser: cfg.IPUser})
			if err != nil {
				t.Fatal(err)
			}
			got, err := c.lookupBody(nik)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("lookupBody(%q) = %s, want %s", nik, got, want)
			}
		}
	}
}
