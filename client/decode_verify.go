package client

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

type wireVerifyReply struct {
	Content      *[]map[string]json.RawMessage `json:"content"`
	QuotaLimiter flexString                    `json:"quotaLimiter"`
}

// decodeVerify turns a CALL_VERIFY_BY_ELEMEN reply into verdicts for the
// keys that were sent (upper-case wire names). Other keys are dropped and
// their raw bytes zeroed before it returns. The caller zeroes body.
func decodeVerify(body []byte, sent []string) (VerifyResult, error) {
	var reply wireVerifyReply
	if err := json.Unmarshal(body, &reply); err != nil {
		return VerifyResult{}, wrapMalformed(err)
	}
	defer wipeRawMaps(reply.Content)

	quota, err := parseQuota(reply.QuotaLimiter)
	if err != nil {
		return VerifyResult{}, err
	}
	if reply.Content == nil || len(*reply.Content) == 0 {
		return VerifyResult{}, fmt.Errorf("%w: the reply has no content", errMalformed)
	}

	fields := (*reply.Content)[0]
	var status wireStatus
	verdicts := make(map[string]Verdict)
	for key, raw := range fields {
		if err := readVerifyField(key, raw, sent, &status, verdicts); err != nil {
			return VerifyResult{}, err
		}
	}

	outcome, err := status.outcome(len(verdicts) > 0)
	if err != nil {
		return VerifyResult{}, err
	}
	if outcome != Found {
		return VerifyResult{Outcome: outcome, QuotaRemaining: quota}, nil
	}
	if len(verdicts) == 0 {
		return VerifyResult{}, fmt.Errorf("%w: no verdict for any element sent", errMalformed)
	}
	return VerifyResult{Outcome: Found, Verdicts: verdicts, QuotaRemaining: quota}, nil
}

// readVerifyField stores one key of content[0]: an error-object key into
// status, a sent element's verdict into verdicts; anything else is ignored.
func readVerifyField(key string, raw json.RawMessage, sent []string, status *wireStatus, verdicts map[string]Verdict) error {
	upper := strings.ToUpper(key)
	var target *flexString
	switch upper {
	case "RESPON":
		target = &status.Respon
	case "RESPONSE":
		target = &status.Response
	case "RESPONSE_DESC":
		target = &status.ResponseDesc
	case "RESPONSE_CODE":
		target = &status.ResponseCode
	}
	if target != nil {
		return wrapMalformedOrNil(target.UnmarshalJSON(raw))
	}

	if !slices.Contains(sent, upper) {
		return nil
	}
	var text flexString
	if err := text.UnmarshalJSON(raw); err != nil {
		return wrapMalformed(err)
	}
	verdict, ok := parseVerdict(string(text))
	if !ok {
		return fmt.Errorf("%w: the verdict for %s is not Sesuai, Tidak Sesuai or Sesuai (score)", errMalformed, upper)
	}
	verdicts[upper] = verdict
	return nil
}

// parseVerdict reads "Sesuai", "Tidak Sesuai" and either with a score in
// brackets, "Sesuai (93)", case-insensitively.
func parseVerdict(s string) (Verdict, bool) {
	text := strings.ToLower(strings.Join(strings.Fields(s), " "))
	score := -1
	if open := strings.IndexByte(text, '('); open >= 0 && strings.HasSuffix(text, ")") {
		n, err := strconv.Atoi(strings.TrimSpace(text[open+1 : len(text)-1]))
		if err != nil || n < 0 || n > 100 {
			return Verdict{}, false
		}
		score = n
		text = strings.TrimSpace(text[:open])
	}

	switch text {
	case "sesuai":
		return Verdict{Match: true, Score: score}, true
	case "tidak sesuai":
		return Verdict{Match: false, Score: score}, true
	}
	return Verdict{}, false
}

func wrapMalformedOrNil(err error) error {
	if err == nil {
		return nil
	}
	return wrapMalformed(err)
}

func wipeRawMaps(content *[]map[string]json.RawMessage) {
	if content == nil {
		return
	}
	for _, fields := range *content {
		for _, raw := range fields {
			clear(raw)
		}
		clear(fields)
	}
}
