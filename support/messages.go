package support

// catalog holds the view's texts in one language. Formats take the arguments
// named in the field's comment.
type catalog struct {
	title        string // kiosk version
	uptime       string // duration
	operator     string
	signedIn     string // operator ID
	signedOut    string
	reader       string
	gateway      string
	database     string
	queue        string
	queueWaiting string // pending, sending
	queueDone    string // delivered, exported
	lastDelivery string
	never        string
	quota        string
	quotaUsed    string // used, limit
	quotaGateway string // remaining
	screen       string
	events       string
	noEvents     string
	quitHelp     string
	unknown      string
	snapshotErr  string

	noPTY       string
	noCommand   string
	keyRejected string
	endedIdle   string // duration
	endedMax    string // duration
	endedByUser string
}

var catalogs = map[string]catalog{
	"id": {
		title:        "Kiosk %s",
		uptime:       "aktif %s",
		operator:     "Operator",
		signedIn:     "%s (masuk)",
		signedOut:    "belum masuk",
		reader:       "Pembaca",
		gateway:      "Gateway",
		database:     "Basis data",
		queue:        "Antrean",
		queueWaiting: "%d tunggu, %d dikirim",
		queueDone:    "%d terkirim, %d diekspor",
		lastDelivery: "Kirim akhir",
		never:        "belum ada",
		quota:        "Kuota",
		quotaUsed:    "%d/%d hit",
		quotaGateway: ", sisa gw %d",
		screen:       "Layar",
		events:       "Log",
		noEvents:     "belum ada kejadian",
		quitHelp:     "q/Ctrl+C keluar",
		unknown:      "-",
		snapshotErr:  "status kiosk tidak tersedia",

		noPTY:       "Tampilan dukungan butuh terminal (PTY). Sambung ulang dengan: ssh -t",
		noCommand:   "Perintah, shell, dan subsistem tidak tersedia di sini.",
		keyRejected: "Kunci ini tidak terdaftar untuk akses dukungan.",
		endedIdle:   "Sesi berakhir: tidak ada tombol ditekan selama %s.",
		endedMax:    "Sesi berakhir: batas waktu sesi %s tercapai.",
		endedByUser: "Sesi selesai.",
	},
	"en": {
		title:        "Kiosk %s",
		uptime:       "up %s",
		operator:     "Operator",
		signedIn:     "%s (signed in)",
		signedOut:    "signed out",
		reader:       "Reader",
		gateway:      "Gateway",
		database:     "Database",
		queue:        "Queue",
		queueWaiting: "%d pending, %d sending",
		queueDone:    "%d delivered, %d exported",
		lastDelivery: "Last sent",
		never:        "none yet",
		quota:        "Quota",
		quotaUsed:    "%d/%d hits",
		quotaGateway: ", gw left %d",
		screen:       "Screen",
		events:       "Log",
		noEvents:     "no events yet",
		quitHelp:     "q/Ctrl+C quit",
		unknown:      "-",
		snapshotErr:  "kiosk status unavailable",

		noPTY:       "The support view needs a terminal (PTY). Reconnect with: ssh -t",
		noCommand:   "Commands, shells and subsystems are not available here.",
		keyRejected: "This key is not authorized for support access.",
		endedIdle:   "Session ended: no key pressed for %s.",
		endedMax:    "Session ended: the %s session limit was reached.",
		endedByUser: "Session closed.",
	},
}

// bilingual joins the Indonesian and English forms of a message. It is used
// before a session has a view, where both readers must understand the reason.
func bilingual(pick func(catalog) string) string {
	return pick(catalogs["id"]) + "\r\n" + pick(catalogs["en"]) + "\r\n"
}
