package i18n

// Messages of the supervisor's screen.
const (
	TitleSupervisor       Key = "TitleSupervisor"
	KeySupervisor         Key = "KeySupervisor"
	KeyExportXLSX         Key = "KeyExportXLSX"
	KeyExportCSV          Key = "KeyExportCSV"
	KeyDeliverNow         Key = "KeyDeliverNow"
	SupervisorPrompt      Key = "SupervisorPrompt"
	SupervisorDenied      Key = "SupervisorDenied"
	SupervisorUnavailable Key = "SupervisorUnavailable"
	SupervisorUsageFailed Key = "SupervisorUsageFailed"
	LabelQueue            Key = "LabelQueue"
	QueueCounts           Key = "QueueCounts"
	LabelLastDelivery     Key = "LabelLastDelivery"
	LabelQuotaToday       Key = "LabelQuotaToday"
	DeliveryFailing       Key = "DeliveryFailing"
	DeliverNowStarted     Key = "DeliverNowStarted"
	ExportPrompt          Key = "ExportPrompt"
	ExportBusy            Key = "ExportBusy"
	ExportBadName         Key = "ExportBadName"
	ExportDone            Key = "ExportDone"
	ExportFailed          Key = "ExportFailed"
	ExportNothing         Key = "ExportNothing"
	KeyReport             Key = "KeyReport"
	KeyAccounts           Key = "KeyAccounts"
	ReportWritten         Key = "ReportWritten"
	ReportBadName         Key = "ReportBadName"
	TitleAccounts         Key = "TitleAccounts"
	AccountsFailed        Key = "AccountsFailed"
	AccountSupervisor     Key = "AccountSupervisor"
	AccountNoNDA          Key = "AccountNoNDA"
	NDAPrompt             Key = "NDAPrompt"
	LabelNDADate          Key = "LabelNDADate"
	NDAMissingID          Key = "NDAMissingID"
	NDABadDate            Key = "NDABadDate"
	NDAFutureDate         Key = "NDAFutureDate"
	NDAUnknownOperator    Key = "NDAUnknownOperator"
	NDARecorded           Key = "NDARecorded"
	UsageTitle            Key = "UsageTitle"
	UsageMonths           Key = "UsageMonths"
	UsageOperators        Key = "UsageOperators"
	UsageOutcomes         Key = "UsageOutcomes"
)

func init() {
	register(map[Key][2]string{
		TitleSupervisor:       {"Supervisor", "Supervisor"},
		KeySupervisor:         {"supervisor", "supervisor"},
		KeyExportXLSX:         {"ekspor XLSX", "export XLSX"},
		KeyExportCSV:          {"ekspor CSV", "export CSV"},
		KeyDeliverNow:         {"kirim sekarang", "send now"},
		SupervisorPrompt:      {"Menu supervisor: antrean balikan, ekspor, dan laporan semester. Masukkan ID dan PIN supervisor.", "Supervisor menu: balikan queue, export and the semester report. Enter a supervisor's ID and PIN."},
		SupervisorDenied:      {"Bukan supervisor atau PIN salah.", "Not a supervisor or wrong PIN."},
		SupervisorUnavailable: {"Menu supervisor belum tersedia karena database belum siap. Tunggu sebentar lalu coba lagi.", "The supervisor menu is not available because the database is not ready. Wait a moment and try again."},
		SupervisorUsageFailed: {"Laporan pemakaian tidak dapat dibaca dari database. Hubungi teknisi.", "The usage report cannot be read from the database. Call a technician."},
		LabelQueue:            {"Antrean balikan", "Balikan queue"},
		QueueCounts:           {"%d menunggu · %d terkirim · %d diekspor", "%d waiting · %d sent · %d exported"},
		LabelLastDelivery:     {"Pengiriman terakhir", "Last delivery"},
		LabelQuotaToday:       {"Kuota terpakai hari ini", "Quota used today"},
		DeliveryFailing:       {"Pengiriman balikan ke Dukcapil sedang gagal dan dicoba lagi otomatis. Bila terus gagal, minta teknisi menjalankan \"kiosk doctor\" (jaringan, store_url, store_token), atau ekspor ke media lepas.", "Balikan delivery to Dukcapil is failing and is retried automatically. If it keeps failing, have a technician run \"kiosk doctor\" (network, store_url, store_token), or export to removable media."},
		DeliverNowStarted:     {"Pengiriman dimulai sekarang.", "Delivery started now."},
		ExportPrompt:          {"Berkas tujuan (.xlsx atau .csv; misalnya di flashdisk). Enter untuk mengekspor semua balikan yang menunggu:", "Target file (.xlsx or .csv; on a flash drive, for example). Enter exports every waiting balikan:"},
		ExportBusy:            {"Mengekspor…", "Exporting…"},
		ExportBadName:         {"Nama berkas harus berakhiran .xlsx atau .csv.", "The file name must end in .xlsx or .csv."},
		ExportDone:            {"%d catatan balikan diekspor ke %s dan tidak akan dikirim lagi lewat jaringan.", "%d balikan records exported to %s; they will not be sent over the network as well."},
		ExportFailed:          {"Ekspor ke %s gagal: %s. Periksa folder tujuan dan ruang kosongnya, lalu coba lagi; antrean tidak berubah.", "Export to %s failed: %s. Check the target folder and its free space, then try again; the queue is unchanged."},
		ExportNothing:         {"Tidak ada balikan yang menunggu, jadi tidak ada berkas yang dibuat.", "No balikan is waiting, so no file was written."},
		KeyReport:             {"laporan semester", "semester report"},
		KeyAccounts:           {"akun & NDA", "accounts & NDA"},
		ReportWritten:         {"Laporan semester ditulis ke %s.", "The semester report was written to %s."},
		ReportBadName:         {"Nama berkas laporan harus berakhiran .csv.", "The report's file name must end in .csv."},
		TitleAccounts:         {"Akun operator", "Operator accounts"},
		AccountsFailed:        {"Akun tidak dapat dibaca atau diubah di database. Coba lagi atau hubungi teknisi.", "The accounts cannot be read or changed in the database. Try again or call a technician."},
		AccountSupervisor:     {"supervisor", "supervisor"},
		AccountNoNDA:          {"belum ada NDA: tidak dapat masuk", "no NDA: cannot sign in"},
		NDAPrompt:             {"Catat tanggal operator menandatangani perjanjian kerahasiaan (NDA). Akun dan PIN baru dibuat teknisi dengan \"kiosk operator add\".", "Record the day an operator signed the non-disclosure agreement (NDA). New accounts and PINs are made by a technician with \"kiosk operator add\"."},
		LabelNDADate:          {"Tanggal NDA", "NDA date"},
		NDAMissingID:          {"Isi ID operator.", "Type the operator ID."},
		NDABadDate:            {"Tanggal tidak sah: ketik dd-mm-yyyy, misalnya 01-07-2026.", "Invalid date: type dd-mm-yyyy, for example 01-07-2026."},
		NDAFutureDate:         {"Tanggal NDA tidak boleh di masa depan.", "The NDA date cannot be in the future."},
		NDAUnknownOperator:    {"Tidak ada akun dengan ID %s. Periksa ID pada daftar di atas.", "There is no account with ID %s. Check the ID in the list above."},
		NDARecorded:           {"Tanggal NDA %s dicatat: %s. Akun itu sekarang dapat masuk.", "NDA date of %s recorded: %s. The account can now sign in."},
		UsageTitle:            {"Laporan semester %s: %d pencarian NIK", "Semester report %s: %d NIK lookups"},
		UsageMonths:           {"Per bulan: %s", "By month: %s"},
		UsageOperators:        {"Per operator: %s", "By operator: %s"},
		UsageOutcomes:         {"Hasil: %s", "Outcomes: %s"},
	})
}
