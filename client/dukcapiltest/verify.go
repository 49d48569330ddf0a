package dukcapiltest

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// scoredKeys are the elements the gateway compares by similarity, so
// their verdicts carry a score: "Sesuai (93)". The others match exactly.
var scoredKeys = map[string]bool{
	"NAMA_LGKP": true, "TMPT_LHR": true, "ALAMAT": true,
	"KEL_NAME": true, "KEC_NAME": true, "KAB_NAME": true, "PROP_NAME": true,
}

// verifyControlKeys are the request keys that are not elements.
var verifyControlKeys = map[string]bool{
	"USER_ID": true, "PASSWORD": true, "IP_USER": true, "TRESHOLD": true, "NIK": true,
}

var verifyCredentialKeys = credentialKeys{
	user: []string{"USER_ID"}, legacyUser: []string{"user_id"},
	password: []string{"PASSWORD"}, legacyPassword: []string{"password"},
	ip: []string{"IP_USER"}, legacyIP: []string{"ip_user", "ip_address"},
}

func (s *Server) verify(req gatewayRequest, reply *replyWriter) map[string]any {
	if denied := s.checkAccess(req, reply, verifyCredentialKeys); denied != nil {
		return denied
	}

	nik, _ := req.value([]string{"NIK"}, []string{"nik"})
	thresholdText, hasThreshold := req.value([]string{"TRESHOLD"}, []string{"treshold"})
	threshold, err := strconv.Atoi(thresholdText)
	if nik == "" || !hasThreshold || err != nil || threshold < 0 || threshold > 100 {
		return reply.status("07", codeTexts["07"])
	}
	if !sixteenDigits(nik) {
		return reply.status("15", codeTexts["15"])
	}
	entry, ok := s.residents[nik]
	if !ok || entry.resident.Status == StatusNotFound {
		return reply.status("13", codeTexts["13"])
	}
	if entry.resident.Status != StatusFound {
		code := statusCodes[entry.resident.Status]
		return reply.status(code, codeTexts[code])
	}

	verdicts := map[string]any{"NIK": "Sesuai"}
	for key := range req.fields {
		wireKey := key
		if req.legacy {
			wireKey = strings.ToUpper(key)
		}
		if verifyControlKeys[wireKey] || !elementKeys[wireKey] {
			continue
		}
		claimed, _ := req.value([]string{key}, nil)
		verdicts[wireKey] = judge(wireKey, claimed, rawText(entry.record[wireKey]), threshold)
	}
	return verdicts
}

// judge compares one claimed element with the record's value.
func judge(key, claimed, actual string, threshold int) string {
	if key == "TGL_LHR" {
		claimedDate, err1 := time.Parse("02-01-2006", claimed)
		actualDate, err2 := parseDate(actual)
		return verdictText(err1 == nil && err2 == nil && claimedDate.Equal(actualDate))
	}
	a, b := normalize(claimed), normalize(actual)
	if !scoredKeys[key] {
		return verdictText(a == b)
	}
	score := similarity(a, b)
	return fmt.Sprintf("%s (%d)", verdictText(score >= threshold), score)
}

func verdictText(match bool) string {
	if match {
		return "Sesuai"
	}
	return "Tidak Sesuai"
}

func normalize(s string) string { return strings.Join(strings.Fields(strings.ToUpper(s)), " ") }

// similarity is 100 minus the Levenshtein distance as a percentage of the
// longer string's length.
func similarity(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	longer := max(len(ra), len(rb))
	if longer == 0 {
		return 100
	}
	return 100 - levenshtein(ra, rb)*100/longer
}

func levenshtein(a, b []rune) int {
	prev := make([]int, len(b)+1)
	curr := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		curr[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			curr[j] = min(prev[j]+1, curr[j-1]+1, prev[j-1]+cost)
		}
		prev, curr = curr, prev
	}
	return prev[len(b)]
}
