package client

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
)

// ElementKeys are the wire names of the nine data elements, the address
// in its parts. VerifyByElement sends these keys and rejects any other.
var ElementKeys = []string{
	"NO_KK", "NIK", "NAMA_LGKP", "JENIS_KLMIN", "TMPT_LHR", "TGL_LHR",
	"STATUS_KAWIN", "JENIS_PKRJN", "ALAMAT", "NO_RT", "NO_RW",
	"KEL_NAME", "KEC_NAME", "KAB_NAME", "PROP_NAME",
}

// VerifyByElement sends CALL_VERIFY_BY_ELEMEN with the claimed elements,
// keyed by wire name (case-insensitive). TGL_LHR may be in any of the three
// date formats and is sent as dd-mm-yyyy. A negative threshold means the
// configured one. Errors follow LookupNIK.
func (c *HTTPClient) VerifyByElement(ctx context.Context, nik string, elements map[string]string, threshold int) (VerifyResult, error) {
	failed := VerifyResult{QuotaRemaining: -1}
	if threshold < 0 {
		threshold = c.cfg.Threshold
	}
	if threshold > 100 {
		return failed, fmt.Errorf("verify threshold %d is above 100: pass 0-100, or -1 for the configured one", threshold)
	}

	body, sent, err := c.verifyBody(nik, elements, threshold)
	if err != nil {
		return failed, err
	}
	ex := &exchange{method: MethodVerify, url: c.verifyURL, body: body}
	defer ex.wipe()

	start := time.Now()
	result, err := c.verify(ctx, ex, sent)
	c.logCall(ctx, ex, result.Outcome, err, time.Since(start))
	return result, err
}

func (c *HTTPClient) verify(ctx context.Context, ex *exchange, sent []string) (VerifyResult, error) {
	failed := VerifyResult{QuotaRemaining: -1}
	if err := c.post(ctx, c.gateway, ex); err != nil {
		failed.Outcome = OutcomeOf(err)
		return failed, err
	}
	if err := checkStatus(ex); err != nil {
		failed.Outcome = OutcomeOf(err)
		return failed, err
	}

	result, err := decodeVerify(ex.reply, sent)
	if err != nil {
		err = decodeError(ex.method, err)
		failed.Outcome = OutcomeOf(err)
		return failed, err
	}
	return result, nil
}

// verifyBody builds the upper-case request body and lists the element
// keys whose verdicts the reply may carry.
func (c *HTTPClient) verifyBody(nik string, elements map[string]string, threshold int) ([]byte, []string, error) {
	fields := map[string]any{
		"USER_ID":  c.cfg.UserID,
		"PASSWORD": c.cfg.Password,
		"IP_USER":  c.cfg.IPUser,
		"TRESHOLD": threshold,
		"NIK":      nik,
	}
	sent := []string{"NIK"}

	for key, value := range elements {
		wireKey := strings.ToUpper(strings.TrimSpace(key))
		if !slices.Contains(ElementKeys, wireKey) {
			return nil, nil, fmt.Errorf("verify element %q is not one of the nine data elements: use one of %s", key, strings.Join(ElementKeys, ", "))
		}
		if wireKey == "NIK" {
			continue
		}
		if wireKey == "TGL_LHR" {
			date, err := parseBirthDate(strings.TrimSpace(value))
			if err != nil || date.IsZero() {
				return nil, nil, fmt.Errorf("verify element TGL_LHR is not a date: pass dd-mm-yyyy")
			}
			value = date.Format("02-01-2006")
		}
		fields[wireKey] = value
		sent = append(sent, wireKey)
	}

	body, err := json.Marshal(fields)
	return body, sent, err
}
