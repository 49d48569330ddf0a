package i18n

// Messages of the verification screen, where the operator types the
// applicant's form and the kiosk shows a verdict per field.
const (
	TitleVerify Key = "TitleVerify"
	KeyVerify   Key = "KeyVerify"
	KeyCheck    Key = "KeyCheck"
	KeyEdit     Key = "KeyEdit"
	KeyScroll   Key = "KeyScroll"

	VerifyForNIK      Key = "VerifyForNIK"
	VerifyModeLocal   Key = "VerifyModeLocal"
	VerifyModeGateway Key = "VerifyModeGateway"
	VerifyFormHint    Key = "VerifyFormHint"
	VerifyBusy        Key = "VerifyBusy"
	VerifyAlreadyDone Key = "VerifyAlreadyDone"
	VerifyNothing     Key = "VerifyNothing"
	VerifyFixFields   Key = "VerifyFixFields"

	VerifyLabelName       Key = "VerifyLabelName"
	VerifyLabelBirthPlace Key = "VerifyLabelBirthPlace"
	VerifyLabelBirthDate  Key = "VerifyLabelBirthDate"
	VerifyLabelSex        Key = "VerifyLabelSex"
	VerifyLabelAddress    Key = "VerifyLabelAddress"
	VerifyLabelNoKK       Key = "VerifyLabelNoKK"
	VerifyLabelLevel      Key = "VerifyLabelLevel"
	VerifyLabelAge        Key = "VerifyLabelAge"
	VerifyLabelFamily     Key = "VerifyLabelFamily"

	VerifyDateInvalid  Key = "VerifyDateInvalid"
	VerifySexInvalid   Key = "VerifySexInvalid"
	VerifyLevelInvalid Key = "VerifyLevelInvalid"
	VerifyNoKKInvalid  Key = "VerifyNoKKInvalid"
	VerifyNoKKIsNIK    Key = "VerifyNoKKIsNIK"

	VerdictMatch      Key = "VerdictMatch"
	VerdictNear       Key = "VerdictNear"
	VerdictMismatch   Key = "VerdictMismatch"
	VerdictNotChecked Key = "VerdictNotChecked"
	VerdictScore      Key = "VerdictScore"
	VerdictDiffers    Key = "VerdictDiffers"

	DiffSpelling  Key = "DiffSpelling"
	DiffInitial   Key = "DiffInitial"
	DiffMissing   Key = "DiffMissing"
	DiffExtra     Key = "DiffExtra"
	DiffOtherWord Key = "DiffOtherWord"
	DiffOrder     Key = "DiffOrder"
	DiffDay       Key = "DiffDay"
	DiffMonth     Key = "DiffMonth"
	DiffYear      Key = "DiffYear"
	DiffDayMonth  Key = "DiffDayMonth"
	DiffRT        Key = "DiffRT"
	DiffRW        Key = "DiffRW"
	DiffKelurahan Key = "DiffKelurahan"

	AgeOn          Key = "AgeOn"
	AgeAllowed     Key = "AgeAllowed"
	AgeException   Key = "AgeException"
	AgeTooYoung    Key = "AgeTooYoung"
	AgeTooOld      Key = "AgeTooOld"
	AgeNotChecked  Key = "AgeNotChecked"
	AgeFromForm    Key = "AgeFromForm"
	AgeShortOK     Key = "AgeShortOK"
	AgeShortExcept Key = "AgeShortExcept"
	AgeShortFail   Key = "AgeShortFail"

	FamilyLinked      Key = "FamilyLinked"
	FamilyNotLinked   Key = "FamilyNotLinked"
	FamilyUnknown     Key = "FamilyUnknown"
	FamilyShortLinked Key = "FamilyShortLinked"
	FamilyShortNot    Key = "FamilyShortNot"

	WarnNIKBirthDate Key = "WarnNIKBirthDate"
	WarnNIKSex       Key = "WarnNIKSex"
	WarnNIKInvalid   Key = "WarnNIKInvalid"
	SourceRecord     Key = "SourceRecord"
	SourceForm       Key = "SourceForm"

	VerifySummary Key = "VerifySummary"
)

func init() {
	register(map[Key][2]string{
		TitleVerify: {"Verifikasi formulir", "Form verification"},
		KeyVerify:   {"verifikasi", "verify"},
		KeyCheck:    {"periksa", "check"},
		KeyEdit:     {"ubah isian", "edit the claims"},
		KeyScroll:   {"gulir", "scroll"},

		VerifyForNIK: {"NIK", "NIK"},
		VerifyModeLocal: {
			"Cara: dibandingkan di kiosk dengan data Dukcapil yang sudah tampil (tanpa pencarian baru).",
			"Method: compared on the kiosk with the Dukcapil record already shown (no new lookup).",
		},
		VerifyModeGateway: {
			"Cara: dicocokkan oleh Dukcapil (verifikasi per elemen; memakai 1 kuota; hanya hasil, tanpa data).",
			"Method: matched by Dukcapil (verification by element; uses 1 of the quota; verdicts only, no data).",
		},
		VerifyFormHint: {
			"Ketik isian formulir pemohon. Kolom kosong tidak diperiksa.",
			"Type what the applicant's form says. Empty fields are not checked.",
		},
		VerifyBusy: {"Menghubungi Dukcapil…", "Contacting Dukcapil…"},
		VerifyAlreadyDone: {
			"NIK ini sudah diverifikasi di Dukcapil pada pendaftaran ini. Verifikasi ulang tidak dikirim agar kuota tidak terbuang; hasil sebelumnya tetap di layar.",
			"This NIK was already verified at Dukcapil in this registration. No second request is sent, so no hit is wasted; the earlier verdicts stay on screen.",
		},
		VerifyNothing: {
			"Isi minimal satu kolom dari formulir.",
			"Fill in at least one field from the form.",
		},
		VerifyFixFields: {
			"Perbaiki kolom yang ditandai, lalu periksa lagi.",
			"Correct the marked fields, then check again.",
		},

		VerifyLabelName:       {"Nama lengkap", "Full name"},
		VerifyLabelBirthPlace: {"Tempat lahir", "Place of birth"},
		VerifyLabelBirthDate:  {"Tanggal lahir", "Date of birth"},
		VerifyLabelSex:        {"Jenis kelamin", "Sex"},
		VerifyLabelAddress:    {"Alamat", "Address"},
		VerifyLabelNoKK:       {"No KK", "No KK"},
		VerifyLabelLevel:      {"Jenjang", "Level"},
		VerifyLabelAge:        {"Usia", "Age"},
		VerifyLabelFamily:     {"KK", "KK"},

		VerifyDateInvalid: {
			"Tanggal tidak valid: ketik dd-mm-yyyy, misalnya 23-07-2012.",
			"Invalid date: type dd-mm-yyyy, for example 23-07-2012.",
		},
		VerifySexInvalid: {
			"Ketik L (laki-laki) atau P (perempuan).",
			"Type L (male) or P (female).",
		},
		VerifyLevelInvalid: {
			"Ketik SD, SMP, SMA atau SMK.",
			"Type SD, SMP, SMA or SMK.",
		},
		VerifyNoKKInvalid: {
			"No KK harus 16 digit angka dengan kode wilayah yang valid.",
			"No KK must be 16 digits with a valid region code.",
		},
		VerifyNoKKIsNIK: {
			"No KK sama dengan NIK: isian No KK dan NIK mungkin tertukar.",
			"No KK equals the NIK: the two numbers were probably swapped.",
		},

		VerdictMatch:      {"cocok", "match"},
		VerdictNear:       {"hampir cocok", "near match"},
		VerdictMismatch:   {"tidak cocok", "mismatch"},
		VerdictNotChecked: {"tidak diperiksa", "not checked"},
		VerdictScore:      {"skor %d", "score %d"},
		VerdictDiffers:    {"beda: %s", "differs: %s"},

		DiffSpelling:  {"ejaan berbeda", "spelled differently"},
		DiffInitial:   {"inisial untuk kata lengkap", "an initial for a whole word"},
		DiffMissing:   {"ada kata yang tidak ditulis", "a word is left out"},
		DiffExtra:     {"ada kata tambahan", "an extra word"},
		DiffOtherWord: {"kata lain", "a different word"},
		DiffOrder:     {"urutan kata berbeda", "words in another order"},
		DiffDay:       {"hari berbeda", "the day differs"},
		DiffMonth:     {"bulan berbeda", "the month differs"},
		DiffYear:      {"tahun berbeda", "the year differs"},
		DiffDayMonth:  {"hari dan bulan tertukar", "day and month swapped"},
		DiffRT:        {"RT berbeda", "the RT differs"},
		DiffRW:        {"RW berbeda", "the RW differs"},
		DiffKelurahan: {"kelurahan/desa tidak disebut", "the kelurahan is not named"},

		AgeOn: {
			"%[2]d tahun %[3]d bulan pada %[1]s.",
			"%[2]d years %[3]d months on %[1]s.",
		},
		AgeAllowed: {
			"Memenuhi syarat usia %s.",
			"Meets the %s age rule.",
		},
		AgeException: {
			"PENGECUALIAN: di bawah %d tahun; masuk SD hanya dengan pengecualian (paling muda %d tahun %d bulan).",
			"EXCEPTION: under %d years; SD only with an exception (at least %d years %d months).",
		},
		AgeTooYoung: {
			"Terlalu muda untuk %s.",
			"Too young for %s.",
		},
		AgeTooOld: {
			"Melebihi batas usia %s (paling tinggi %d tahun).",
			"Above the %s age limit (at most %d years).",
		},
		AgeNotChecked: {
			"tidak diperiksa (isi jenjang dan tanggal lahir).",
			"not checked (fill in the level and date of birth).",
		},
		AgeFromForm: {
			"Usia dihitung dari tanggal lahir di formulir.",
			"The age is counted from the date of birth on the form.",
		},
		AgeShortOK:     {"memenuhi", "allowed"},
		AgeShortExcept: {"pengecualian", "exception"},
		AgeShortFail:   {"tidak memenuhi", "not allowed"},

		FamilyLinked: {
			"No KK siswa sama dengan No KK orang tua pemegang e-KTP.",
			"The student's No KK equals the No KK of the parent holding the e-KTP.",
		},
		FamilyNotLinked: {
			"No KK siswa TIDAK sama dengan No KK orang tua pemegang e-KTP. Periksa Kartu Keluarga.",
			"The student's No KK does NOT equal the No KK of the parent holding the e-KTP. Check the Kartu Keluarga.",
		},
		FamilyUnknown: {
			"Hubungan keluarga tidak dapat diperiksa: No KK di data tidak lengkap.",
			"The family link cannot be checked: a No KK in the records is incomplete.",
		},
		FamilyShortLinked: {"sama", "same"},
		FamilyShortNot:    {"berbeda", "different"},

		WarnNIKBirthDate: {
			"Peringatan: tanggal lahir dalam NIK berbeda dengan %s (bukan penolakan).",
			"Warning: the birth date in the NIK differs from the %s (not a rejection).",
		},
		WarnNIKSex: {
			"Peringatan: jenis kelamin dalam NIK berbeda dengan %s (bukan penolakan).",
			"Warning: the sex in the NIK differs from the %s (not a rejection).",
		},
		WarnNIKInvalid: {
			"Peringatan: NIK di data tidak dapat dibaca, jadi tanggal lahir dan jenis kelaminnya tidak diperiksa.",
			"Warning: the record's NIK cannot be parsed, so its birth date and sex were not checked.",
		},
		SourceRecord: {"data Dukcapil", "Dukcapil record"},
		SourceForm:   {"formulir", "form"},

		VerifySummary: {
			"Ringkasan untuk formulir (tidak disimpan):",
			"Summary for the form (not stored):",
		},
	})
}
