package i18n

// OutcomeName returns the operator's word for a gateway outcome as the hit
// counter stores it ("not_found"), or the stored name itself when it has
// none.
func (c Catalog) OutcomeName(stored string) string {
	names := outcomeNamesID
	if c.lang == English {
		names = outcomeNamesEN
	}
	if n, ok := names[stored]; ok {
		return n
	}
	return stored
}

var outcomeNamesID = map[string]string{
	"found": "ditemukan", "not_found": "tidak ditemukan", "deceased": "meninggal",
	"duplicate_record": "data ganda", "inactive": "tidak aktif", "bad_nik_format": "format NIK salah",
	"not_processable": "tidak dapat diproses", "login_failed": "login gagal", "ip_mismatch": "IP tidak sesuai",
	"quota_exhausted": "kuota habis", "outside_hours": "di luar jam layanan", "incomplete_request": "permintaan tidak lengkap",
	"empty_credentials": "kredensial kosong", "invalid_ip": "IP tidak sah", "office_inactive": "instansi tidak aktif",
	"user_inactive": "user ID tidak aktif", "malformed": "jawaban rusak", "timeout": "waktu habis",
	"network_down": "jaringan putus", "gateway_error": "galat gateway", "unknown": "tidak dikenal",
}

var outcomeNamesEN = map[string]string{
	"found": "found", "not_found": "not found", "deceased": "deceased",
	"duplicate_record": "duplicate record", "inactive": "inactive", "bad_nik_format": "bad NIK format",
	"not_processable": "not processable", "login_failed": "login failed", "ip_mismatch": "IP mismatch",
	"quota_exhausted": "quota exhausted", "outside_hours": "outside hours", "incomplete_request": "incomplete request",
	"empty_credentials": "empty credentials", "invalid_ip": "invalid IP", "office_inactive": "office inactive",
	"user_inactive": "user ID inactive", "malformed": "malformed reply", "timeout": "timed out",
	"network_down": "network down", "gateway_error": "gateway error", "unknown": "unknown",
}
