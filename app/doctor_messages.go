package app

import "fmt"

// phrase is one text of `kiosk doctor` in Indonesian and English, as a
// fmt format.
type phrase struct{ id, en string }

func (p phrase) in(en bool) string {
	if en {
		return p.en
	}
	return p.id
}

// message is a phrase with its arguments, formatted when the report is
// written so that one run can be printed in either language.
type message struct {
	p    phrase
	args []any
}

func say(p phrase, args ...any) message { return message{p: p, args: args} }

// in formats m in one language; an argument that is itself a message is
// formatted in the same language.
func (m message) in(en bool) string {
	args := make([]any, len(m.args))
	for i, a := range m.args {
		if inner, ok := a.(message); ok {
			a = inner.in(en)
		}
		args[i] = a
	}
	return fmt.Sprintf(m.p.in(en), args...)
}

// Report frame.
var (
	pDoctorHeader  = phrase{"Pemeriksaan kiosk, berkas konfigurasi", "Kiosk check, config file"}
	pNext          = phrase{"Tindakan:", "Next:"}
	pSummary       = phrase{"Ringkasan: %d OK, %d PERINGATAN, %d GAGAL", "Summary: %d OK, %d WARNING, %d FAILED"}
	pStatusOK      = phrase{"OK", "OK"}
	pStatusWarning = phrase{"PERINGATAN", "WARNING"}
	pStatusFailed  = phrase{"GAGAL", "FAILED"}
	pChmod600      = phrase{`jalankan "chmod 600 %s".`, `run "chmod 600 %s".`}
)

// Names of the checks.
var (
	pCheckConfig          = phrase{"Berkas konfigurasi", "Config file"}
	pCheckGatewaySettings = phrase{"Setelan gateway", "Gateway settings"}
	pCheckAddress         = phrase{"Alamat gateway", "Gateway address"}
	pCheckTLS             = phrase{"TLS gateway", "Gateway TLS"}
	pCheckReach           = phrase{"Koneksi ke gateway", "Gateway connection"}
	pCheckLogin           = phrase{"Login gateway", "Gateway login"}
	pCheckQuota           = phrase{"Kuota harian", "Daily quota"}
	pCheckAgreement       = phrase{"Masa perjanjian kerja sama", "Agreement period"}
	pCheckDataDir         = phrase{"Direktori data", "Data directory"}
	pCheckDatabase        = phrase{"Basis data", "Database"}
	pCheckQueue           = phrase{"Antrean balikan", "Balikan queue"}
	pCheckReader          = phrase{"Pembaca kartu", "Card reader"}
	pCheckSAMSecret       = phrase{"Rahasia SAM", "SAM secret"}
	pCheckPCSC            = phrase{"Layanan PC/SC", "PC/SC service"}
	pCheckFingerprint     = phrase{"Program sidik jari", "Fingerprint helper"}
	pCheckSSH             = phrase{"Dukungan SSH", "SSH support"}
)

// Config file.
var (
	pConfigOK = phrase{"%s terbaca, izin berkas aman, semua kunci dikenal.",
		"%s read, file mode safe, every key known."}
	pConfigMissing = phrase{"tidak ada berkas di %s, jadi kiosk akan menjalankan demo (pembaca simulasi, gateway palsu), bukan layanan sungguhan. Pemeriksaan lain dilewati.",
		"no file at %s, so the kiosk would run the demo (simulated reader, fake gateway), not the real service. The other checks are skipped."}
	pConfigMissingFix = phrase{"salin docs/kiosk.example.toml ke %s, isi nilainya, lalu jalankan \"chmod 600\" pada berkas itu.",
		"copy docs/kiosk.example.toml to %s, fill in the values, then run \"chmod 600\" on it."}
	pConfigSyntax = phrase{"%s tidak dapat dibaca: kesalahan sintaks TOML di baris %d (kunci terakhir %q). Isi baris tidak ditampilkan karena bisa memuat kata sandi.",
		"%s cannot be read: TOML syntax error on line %d (last key %q). The line is not shown because it may hold the password."}
	pConfigSyntaxFix = phrase{"perbaiki baris itu (teks diapit tanda kutip, tanggal ditulis YYYY-MM-DD), lalu jalankan pemeriksaan lagi.",
		"fix that line (text in double quotes, dates as YYYY-MM-DD), then run the check again."}
	pConfigInvalid    = phrase{"kiosk menolak berkas ini: %s", "the kiosk rejects this file: %s"}
	pConfigInvalidFix = phrase{"perbaiki seperti yang disebut di atas, lalu jalankan pemeriksaan lagi; pemeriksaan lain dilewati sampai berkas diterima.",
		"fix it as the message says, then run the check again; the other checks are skipped until the file is accepted."}
)

// Gateway settings, address and TLS.
var (
	pGatewaySettingsOK  = phrase{"semua kunci [gateway] yang wajib terisi dan sah.", "every required [gateway] key is set and valid."}
	pGatewaySettingsBad = phrase{"[gateway] tidak lengkap atau tidak sah: %s", "[gateway] is incomplete or invalid: %s"}
	pGatewaySettingsFix = phrase{"lengkapi bagian [gateway] di berkas konfigurasi sesuai data dari Dukcapil.",
		"complete the [gateway] section of the config file with the values Dukcapil issued."}
	pAddressOK     = phrase{"%s %s ada di jaringan tertutup.", "%s %s is on the closed network."}
	pAddressPublic = phrase{"%s %s bukan alamat jaringan tertutup (alamat publik: %s).",
		"%s %s is not a closed-network address (public address: %s)."}
	pAddressPublicFix = phrase{"arahkan %s ke alamat gateway di jaringan tertutup atau VPN Dukcapil; data kependudukan tidak boleh lewat internet.",
		"point %s at the gateway's address on the closed network or the Dukcapil VPN; population data must not cross the internet."}
	pAddressUnresolved = phrase{"nama host %s pada %s tidak dapat diterjemahkan ke alamat IP.",
		"host name of %s, %s, cannot be resolved to an IP address."}
	pAddressUnresolvedFix = phrase{"periksa DNS jaringan tertutup, atau tulis alamat IP gateway langsung.",
		"check the closed network's DNS, or write the gateway's IP address instead."}
	pAddressCleartext = phrase{"%s %s memakai http:// tanpa enkripsi, jadi kredensial terkirim terbuka.",
		"%s %s uses plain http://, so credentials travel in the clear."}
	pAddressCleartextFix = phrase{"ganti %s ke https:// dan isi ca_file dengan CA gateway.",
		"change %s to https:// and set ca_file to the gateway's CA."}
	pCAOK         = phrase{"ca_file %s berisi sertifikat PEM.", "ca_file %s contains a PEM certificate."}
	pCAUnreadable = phrase{"ca_file %s tidak dapat dibaca: %s", "ca_file %s cannot be read: %s"}
	pCANotPEM     = phrase{"ca_file %s tidak berisi sertifikat PEM.", "ca_file %s contains no PEM certificate."}
	pCAFix        = phrase{"arahkan ca_file ke berkas sertifikat CA gateway (PEM) yang diberikan Dukcapil.",
		"point ca_file at the gateway's CA certificate file (PEM) from Dukcapil."}
	pSelfSignedName = phrase{"allow_self_signed_ip aktif, tetapi base_url memakai nama host %s, bukan alamat IP; kiosk akan menolak setelan ini.",
		"allow_self_signed_ip is on but base_url uses the host name %s, not an IP address; the kiosk rejects this."}
	pSelfSignedNameFix = phrase{"matikan allow_self_signed_ip dan isi ca_file dengan CA gateway.",
		"turn allow_self_signed_ip off and set ca_file to the gateway's CA."}
	pSelfSignedIP = phrase{"allow_self_signed_ip aktif: sertifikat gateway tidak diperiksa.",
		"allow_self_signed_ip is on: the gateway's certificate is not checked."}
	pSelfSignedIPFix = phrase{"minta sertifikat CA gateway ke Dukcapil, isi ca_file, lalu matikan allow_self_signed_ip.",
		"ask Dukcapil for the gateway's CA certificate, set ca_file, then turn allow_self_signed_ip off."}
)

// Reachability and login.
var (
	pReachOK     = phrase{"koneksi TCP ke %s berhasil (tanpa permintaan, tidak memakai kuota).", "TCP connection to %s succeeded (no request sent, no hit used)."}
	pReachFailed = phrase{"koneksi TCP ke %s gagal dalam %s: %s", "TCP connection to %s failed within %s: %s"}
	pReachNoURL  = phrase{"base_url tidak dapat dipakai, koneksi tidak dicoba.", "base_url cannot be used, no connection tried."}
	pReachFix    = phrase{"periksa kabel, VPN ke jaringan Dukcapil, dan host serta port di base_url.",
		"check the cable, the VPN to the Dukcapil network, and the host and port in base_url."}
	pLoginSkipped = phrase{"tidak dicoba; jalankan dengan -login -nik NIK untuk satu pencarian yang memakai 1 hit kuota.",
		"not tried; run with -login -nik NIK for one lookup, which uses 1 hit of the quota."}
	pLoginBadNIK           = phrase{"-login memerlukan -nik berisi 16 angka; tidak ada permintaan dikirim.", "-login needs -nik with 16 digits; no request was sent."}
	pLoginBadNIKFix        = phrase{"berikan NIK yang boleh dicari kantor ini dengan -nik.", "give a NIK the office may look up with -nik."}
	pLoginOutsideAgreement = phrase{"tidak dicoba: di luar masa perjanjian, kiosk menolak semua pencarian.",
		"not tried: outside the agreement period the kiosk refuses every lookup."}
	pLoginNoStore    = phrase{"tidak dicoba: basis data tidak terbuka, jadi hit tidak dapat dihitung.", "not tried: the database is not open, so the hit cannot be counted."}
	pLoginNoStoreFix = phrase{"perbaiki direktori data dan basis data dahulu.", "fix the data directory and the database first."}
	pLoginNoClient   = phrase{"tidak dicoba: setelan [gateway] tidak sah.", "not tried: the [gateway] settings are invalid."}
	pLoginOK         = phrase{"gateway menerima user_id, password dan ip_user (kode %s, %s). Pemeriksaan ini memakai 1 hit kuota.",
		"the gateway accepted user_id, password and ip_user (code %s, %s). This check used 1 hit of the quota."}
	pLoginRemaining = phrase{"gateway melaporkan sisa kuota %d hit hari ini.", "the gateway reports %d hits left today."}
	pLoginFault     = phrase{"gateway menolak: kode %s (%s). Pemeriksaan ini memakai 1 hit kuota.",
		"the gateway refused: code %s (%s). This check used 1 hit of the quota."}
	pLoginCallFailed     = phrase{"permintaan tidak terkirim (%s); tidak ada hit terpakai di gateway.", "the request was not sent (%s); no hit was used at the gateway."}
	pLoginCallFailedSent = phrase{"tidak ada jawaban yang dapat dipakai (%s); hit mungkin terpakai.", "no usable reply (%s); the hit may have been used."}
	pLoginQuota          = phrase{"tidak dicoba: kuota harian sudah habis.", "not tried: the daily quota is used up."}
	pLoginQuotaFix       = phrase{"coba lagi besok, atau naikkan quota.daily_limit bila kantor punya sisa kuota.",
		"try again tomorrow, or raise quota.daily_limit if the office has hits to spare."}
	pFixLogin = phrase{"periksa user_id dan password di [gateway]; bila benar, minta Dukcapil memeriksa akun.",
		"check user_id and password in [gateway]; if they are right, ask Dukcapil to check the account."}
	pFixIP = phrase{"ip_user tidak terdaftar atau tidak sesuai: isi dengan alamat IP kiosk yang didaftarkan ke Dukcapil, atau minta Dukcapil mendaftarkannya.",
		"ip_user not registered or not matching: set it to the kiosk's IP address registered with Dukcapil, or ask Dukcapil to register it."}
	pFixHours      = phrase{"gateway hanya melayani pada jam akses yang diizinkan; coba lagi pada jam itu.", "the gateway serves only in the permitted hours; try again then."}
	pFixIncomplete = phrase{"lengkapi user_id, password dan ip_user di [gateway].", "fill in user_id, password and ip_user in [gateway]."}
	pFixInactive   = phrase{"lembaga atau user ID dinonaktifkan Dukcapil: kepala kantor menghubungi Dukcapil.",
		"the office or user ID is inactive at Dukcapil: the head of office contacts Dukcapil."}
)

// Agreement and quota.
var (
	pAgreementOK     = phrase{"hari ini di dalam masa %s s.d. %s.", "today is inside %s to %s."}
	pAgreementNotYet = phrase{"masa %s s.d. %s belum mulai, jadi pencarian ditolak.", "the period %s to %s has not started, so lookups are refused."}
	pAgreementEnded  = phrase{"masa %s s.d. %s sudah berakhir, jadi pencarian ditolak.", "the period %s to %s has ended, so lookups are refused."}
	pAgreementFix    = phrase{"bila perjanjian diperpanjang, isi agreement.valid_from dan agreement.valid_until dengan masa yang baru; bila tidak, kiosk tidak boleh mencari NIK.",
		"if the agreement was extended, set agreement.valid_from and agreement.valid_until to the new period; otherwise the kiosk may not look up NIKs."}
	pQuotaOK        = phrase{"%d dari %d hit terpakai hari ini.", "%d of %d hits used today."}
	pQuotaHigh      = phrase{"%d dari %d hit terpakai hari ini (80%% atau lebih).", "%d of %d hits used today (80%% or more)."}
	pQuotaHighFix   = phrase{"hemat pencarian sampai besok; kuota habis berarti pencarian ditolak.", "save lookups until tomorrow; at the limit lookups are refused."}
	pQuotaExhausted = phrase{"%d dari %d hit terpakai: kuota hari ini habis, pencarian ditolak sampai besok.",
		"%d of %d hits used: today's quota is used up, lookups are refused until tomorrow."}
	pQuotaExhaustedFix = phrase{"tunggu besok, atau naikkan quota.daily_limit bila kantor punya sisa kuota.",
		"wait until tomorrow, or raise quota.daily_limit if the office has hits to spare."}
	pQuotaNoStore = phrase{"tidak dapat dihitung: basis data tidak terbuka.", "cannot be counted: the database is not open."}
	pQuotaRead    = phrase{"penghitung hit tidak terbaca: %s", "the hit counter cannot be read: %s"}
)

// Data directory, database and queue.
var (
	pDataDirOK          = phrase{"%s ada dan dapat ditulisi, mode %04o.", "%s exists and is writable, mode %04o."}
	pDataDirCreate      = phrase{"%s tidak dapat dibuat: %s", "%s cannot be created: %s"}
	pDataDirNotDir      = phrase{"%s bukan direktori.", "%s is not a directory."}
	pDataDirNotWritable = phrase{"%s tidak dapat ditulisi: %s", "%s is not writable: %s"}
	pDataDirFix         = phrase{"buat %s dengan mode 0700 milik pengguna yang menjalankan kiosk, atau ubah data_dir.",
		"create %s with mode 0700, owned by the user that runs the kiosk, or change data_dir."}
	pDataDirMode = phrase{"%s bermode %04o, jadi pengguna lain dapat membaca antrean balikan yang memuat NIK.",
		"%s has mode %04o, so other users can read the balikan queue, which holds NIKs."}
	pDataDirModeFix      = phrase{`jalankan "chmod 700 %s".`, `run "chmod 700 %s".`}
	pDatabaseOK          = phrase{"%s terbuka, skema terbaru, mode WAL.", "%s opens, schema up to date, WAL mode."}
	pDatabaseOpen        = phrase{"%s tidak dapat dibuka: %s", "%s cannot be opened: %s"}
	pDatabaseNotWAL      = phrase{"%s memakai journal_mode %s, bukan WAL.", "%s uses journal_mode %s, not WAL."}
	pDatabaseModeUnknown = phrase{"journal_mode %s tidak terbaca: %s", "the journal_mode of %s cannot be read: %s"}
	pDatabaseFix         = phrase{"tutup kiosk lain yang memakai berkas ini, periksa ruang disk, lalu jalankan pemeriksaan lagi; bila tetap gagal, hubungi teknisi.",
		"close other kiosk processes using this file, check the free disk space, then run the check again; if it still fails, call a technician."}
	pQueueCounts   = phrase{"menunggu %d, sedang dikirim %d, terkirim %d, diekspor %d.", "pending %d, sending %d, delivered %d, exported %d."}
	pQueueStale    = phrase{"%s Rekaman tertua menunggu %d hari.", "%s The oldest record has waited %d days."}
	pQueueStaleFix = phrase{"layanan web balikan tidak terjangkau terlalu lama: ekspor antrean ke media lepas-pasang (XLSX/CSV) dan serahkan ke Dukcapil.",
		"the balikan web service has been unreachable too long: export the queue to removable media (XLSX/CSV) and hand it to Dukcapil."}
	pQueueRead = phrase{"antrean tidak terbaca: %s", "the queue cannot be read: %s"}
)

// Reader.
var (
	pReaderSim    = phrase{"reader.kind = \"sim\": kartu disimulasikan, e-KTP tidak dibaca.", "reader.kind = \"sim\": cards are simulated, no e-KTP is read."}
	pReaderSimFix = phrase{"di tempat pendaftaran, pasang pembaca kartu ber-SAM dan isi reader.kind = \"pcsc\".",
		"at a registration site, install the card reader with its SAM and set reader.kind = \"pcsc\"."}
	pSAMSecretOK         = phrase{"%s bermode 0600 dan berisi 64 digit heksadesimal (isinya tidak ditampilkan).", "%s has mode 0600 and contains 64 hex digits (not shown)."}
	pSAMSecretUnset      = phrase{"reader.sam_secret_file kosong.", "reader.sam_secret_file is empty."}
	pSAMSecretMissing    = phrase{"%s tidak ditemukan.", "%s not found."}
	pSAMSecretMode       = phrase{"%s bermode %04o, jadi pengguna lain dapat membaca rahasia SAM.", "%s has mode %04o, so other users can read the SAM secret."}
	pSAMSecretUnreadable = phrase{"%s tidak dapat dibaca.", "%s cannot be read."}
	pSAMSecretFormat     = phrase{"%s tidak berisi tepat 64 digit heksadesimal.", "%s does not contain exactly 64 hex digits."}
	pSAMSecretFix        = phrase{"tulis rahasia pembuka SAM dari Dukcapil (64 digit heksadesimal) ke berkas itu dengan mode 0600, dan isi reader.sam_secret_file.",
		"write the SAM unlock secret from Dukcapil (64 hex digits) to the file with mode 0600, and set reader.sam_secret_file."}
	pPCSCReaders      = phrase{"pcscd berjalan, %d pembaca: %s.", "pcscd is running, %d readers: %s."}
	pPCSCNoService    = phrase{"pcscd tidak berjalan (SCARD_E_NO_SERVICE).", "pcscd is not running (SCARD_E_NO_SERVICE)."}
	pPCSCNoServiceFix = phrase{`jalankan pcscd: "systemctl start pcscd", lalu periksa lagi.`, `start pcscd: "systemctl start pcscd", then check again.`}
	pPCSCError        = phrase{"daftar pembaca tidak terbaca: %s", "the reader list cannot be read: %s"}
	pPCSCCardReader   = phrase{"pola pembaca kartu %q cocok dengan %q.", "card reader pattern %q matches %q."}
	pPCSCSAMReader    = phrase{"pola pembaca SAM %q cocok dengan %q.", "SAM reader pattern %q matches %q."}
	pPCSCNoCardReader = phrase{"tidak ada pembaca yang cocok dengan pola pembaca kartu %q.", "no reader matches the card reader pattern %q."}
	pPCSCNoSAMReader  = phrase{"tidak ada pembaca lain yang cocok dengan pola pembaca SAM %q.", "no other reader matches the SAM reader pattern %q."}
	pPCSCNoReaderFix  = phrase{"periksa kabel USB pembaca, lalu samakan %s dengan salah satu nama di daftar di atas.",
		"check the reader's USB cable, then set %s to match one of the names listed above."}
	pFingerprintOK      = phrase{"%s ada dan dapat dijalankan.", "%s exists and is executable."}
	pFingerprintUnset   = phrase{"reader.fingerprint_helper kosong.", "reader.fingerprint_helper is empty."}
	pFingerprintMissing = phrase{"%s tidak ditemukan.", "%s not found."}
	pFingerprintNotExec = phrase{"%s bukan berkas yang dapat dijalankan.", "%s is not an executable file."}
	pFingerprintFix     = phrase{"pasang program pencocok sidik jari dari vendor pembaca dan isi reader.fingerprint_helper dengan lokasinya.",
		"install the reader vendor's fingerprint helper and set reader.fingerprint_helper to its path."}
	pFingerprintExecFix = phrase{`jalankan "chmod 755 %s".`, `run "chmod 755 %s".`}
)

// SSH support.
var (
	pSSHOff           = phrase{"ssh.listen kosong: dukungan jarak jauh mati.", "ssh.listen is empty: remote support is off."}
	pSSHListenOK      = phrase{"mendengarkan di %s (loopback atau jaringan tertutup).", "listens on %s (loopback or closed network)."}
	pSSHListenAll     = phrase{"%s mendengarkan di semua antarmuka.", "%s listens on every interface."}
	pSSHListenPublic  = phrase{"%s bukan alamat loopback atau jaringan tertutup.", "%s is not a loopback or closed-network address."}
	pSSHListenInvalid = phrase{"ssh.listen %q tidak sah atau tidak dapat diterjemahkan.", "ssh.listen %q is invalid or cannot be resolved."}
	pSSHListenFix     = phrase{"isi ssh.listen dengan alamat loopback (127.0.0.1:2222) atau alamat kiosk di jaringan tertutup.",
		"set ssh.listen to a loopback address (127.0.0.1:2222) or the kiosk's closed-network address."}
	pSSHKeysOK      = phrase{"%s berisi %d kunci publik.", "%s contains %d public keys."}
	pSSHKeysUnset   = phrase{"ssh.authorized_keys kosong, jadi tidak ada teknisi yang dapat masuk.", "ssh.authorized_keys is empty, so no technician can sign in."}
	pSSHKeysMissing = phrase{"%s tidak ditemukan atau tidak terbaca.", "%s not found or not readable."}
	pSSHKeysNone    = phrase{"%s tidak berisi kunci publik yang sah.", "%s contains no valid public key."}
	pSSHKeysFix     = phrase{"tambahkan kunci publik teknisi (satu per baris, format authorized_keys OpenSSH), atau kosongkan ssh.listen.",
		"add the technicians' public keys (one a line, OpenSSH authorized_keys format), or set ssh.listen to empty."}
)
