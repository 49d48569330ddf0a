package dukcapiltest

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"time"
)

const (
	methodLookup  = "CALL_NIK"
	methodVerify  = "CALL_VERIFY_BY_ELEMEN"
	methodBalikan = "BALIKAN"
)

// codeTexts are the texts the fake sends with each code. The first five
// are the texts seen from real gateways; "IP Client  Tidak terdaftar" has
// its double space on purpose.
var codeTexts = map[string]string{
	"13": "Data Tidak Ditemukan",
	"03": "Login Gagal",
	"04": "IP Address Tidak Sesuai",
	"10": "IP Client  Tidak terdaftar",
	"05": "Kuota Akses Hari ini telah Habis",

	"01": "Data Ditemukan",
	"06": "Diluar Jam Akses",
	"07": "Request Tidak Lengkap",
	"08": "NIK Tidak Dapat Diproses",
	"09": "User ID, Password atau IP Kosong",
	"11": "Data Ditemukan, Status Meninggal",
	"12": "Data Ditemukan, Data Ganda",
	"14": "Data Ditemukan, Status Tidak Aktif",
	"15": "NIK Tidak Sesuai Format Dukcapil",
	"16": "Lembaga Tidak Aktif",
	"17": "User ID Tidak Aktif",
}

var statusCodes = map[Status]string{
	StatusFound: "01", StatusDeceased: "11", StatusDuplicate: "12", StatusInactive: "14", StatusNotFound: "13",
}

// gatewayRequest is a decoded request body with its settings.
type gatewayRequest struct {
	fields map[string]any
	legacy bool
}

// value returns the first of keys present, as text. Legacy keys count only
// when the server accepts them.
func (r gatewayRequest) value(keys []string, legacyKeys []string) (string, bool) {
	if r.legacy {
		keys = append(keys, legacyKeys...)
	}
	for _, k := range keys {
		if v, ok := r.fields[k]; ok {
			switch v := v.(type) {
			case string:
				return v, true
			case json.Number:
				return v.String(), true
			}
		}
	}
	return "", false
}

func (s *Server) serveGateway(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<16))
	latency, style, legacy, lowerCase, limiter := s.settings()
	method := r.PathValue("method")

	req := gatewayRequest{legacy: legacy}
	decoder := json.NewDecoder(bytes.NewReader(body))
	decoder.UseNumber()
	decodeErr := decoder.Decode(&req.fields)
	nik, _ := req.value([]string{"NIK"}, []string{"nik"})
	s.record(Call{Method: method, NIK: nik, Time: time.Now()})

	if !sleep(r.Context(), latency) {
		return
	}
	if r.PathValue("customer") != CustomerID {
		http.Error(w, "unknown customer id", http.StatusNotFound)
		return
	}
	if method != methodLookup && method != methodVerify {
		http.Error(w, "unknown method", http.StatusNotFound)
		return
	}

	reply := replyWriter{style: style, lowerCase: lowerCase, limiter: limiter, remaining: -1}
	var content map[string]any
	switch {
	case decodeErr != nil:
		content = reply.status("07", codeTexts["07"])
	case method == methodLookup:
		content = s.lookup(req, &reply)
	default:
		content = s.verify(req, &reply)
	}
	s.write(w, reply.page(content))
}

// credentialKeys are the request keys of the credentials, current and
// legacy spellings.
type credentialKeys struct {
	user, legacyUser         []string
	password, legacyPassword []string
	ip, legacyIP             []string
}

var lookupCredentialKeys = credentialKeys{
	user: []string{"user_id"}, legacyUser: []string{"USER_ID"},
	password: []string{"password"}, legacyPassword: []string{"PASSWORD"},
	ip: []string{"IP_USER"}, legacyIP: []string{"ip_user", "ip_address"},
}

// checkAccess applies, in order, a forced reply, the credential checks and
// the quota, and returns the error object to send or nil.
func (s *Server) checkAccess(req gatewayRequest, reply *replyWriter, keys credentialKeys) map[string]any {
	if forced, ok := s.takeForced(); ok {
		return reply.status(forced.code, forced.text)
	}

	user, _ := req.value(keys.user, keys.legacyUser)
	password, _ := req.value(keys.password, keys.legacyPassword)
	ip, _ := req.value(keys.ip, keys.legacyIP)
	if user == "" || password == "" || ip == "" {
		return reply.status("09", codeTexts["09"])
	}
	if user != UserID || password != Password {
		return reply.status("03", codeTexts["03"])
	}
	if ip != IPUser {
		return reply.status("04", codeTexts["04"])
	}

	remaining, ok := s.takeHit(time.Now())
	if !ok {
		reply.remaining = 0
		return reply.status("05", codeTexts["05"])
	}
	reply.remaining = remaining
	return nil
}

func (s *Server) lookup(req gatewayRequest, reply *replyWriter) map[string]any {
	if denied := s.checkAccess(req, reply, lookupCredentialKeys); denied != nil {
		return denied
	}

	nik, _ := req.value([]string{"NIK"}, []string{"nik"})
	if nik == "" {
		return reply.status("07", codeTexts["07"])
	}
	if !sixteenDigits(nik) {
		return reply.status("15", codeTexts["15"])
	}
	entry, ok := s.residents[nik]
	if !ok || entry.resident.Status == StatusNotFound {
		return reply.status("13", codeTexts["13"])
	}
	return reply.record(entry.record, entry.resident.Status)
}

func sixteenDigits(s string) bool {
	if len(s) != 16 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// sleep waits d, or reports false when the client went away first.
func sleep(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// write sends a JSON value, or the fault injected for this request.
func (s *Server) write(w http.ResponseWriter, value any) {
	s.writeStatus(w, http.StatusOK, value)
}

func (s *Server) writeStatus(w http.ResponseWriter, status int, value any) {
	body, err := json.Marshal(value)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}

	switch s.takeFault() {
	case FaultDrop:
		dropConnection(w)
		return
	case FaultHTTP500:
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusInternalServerError)
		io.WriteString(w, "<html><body><h1>500 Internal Server Error</h1></body></html>")
		return
	case FaultMalformed:
		status, body = http.StatusOK, []byte("<html><body>Service Unavailable</body></html>")
	case FaultTruncated:
		status, body = http.StatusOK, body[:len(body)/2]
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(body)
}

// lowerKeys is used for WithLowerCaseReplyKeys.
func lowerKeys(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[strings.ToLower(k)] = v
	}
	return out
}
