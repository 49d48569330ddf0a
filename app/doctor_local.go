package app

import (
	"context"
	"database/sql"
	"errors"
	"net"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/disdikbud/kiosk/device"
	"github.com/disdikbud/kiosk/store"
	"github.com/ebfe/scard"
	"golang.org/x/crypto/ssh"
)

// stalePending is the age from which a pending balikan record means the
// web service has been unreachable too long, so the supervisor should
// export the queue to removable media instead.
const stalePending = 3 * 24 * time.Hour

// quotaWarnPercent matches the share of the daily quota from which the
// kiosk itself warns.
const quotaWarnPercent = 80

// checkDataDir checks the data directory and opens the database in it,
// which creates both when missing and runs the migrations. It returns the
// open store, or nil when the database cannot be used.
func (d *doctor) checkDataDir(ctx context.Context) *store.Store {
	dir := d.cfg.DataDir
	if err := os.MkdirAll(dir, 0o700); err != nil {
		d.report.fail(pCheckDataDir, say(pDataDirCreate, dir, err.Error()), say(pDataDirFix, dir))
		return nil
	}
	info, err := os.Stat(dir)
	if err != nil || !info.IsDir() {
		d.report.fail(pCheckDataDir, say(pDataDirNotDir, dir), say(pDataDirFix, dir))
		return nil
	}
	probe, err := os.CreateTemp(dir, ".doctor-*")
	if err != nil {
		d.report.fail(pCheckDataDir, say(pDataDirNotWritable, dir, err.Error()), say(pDataDirFix, dir))
		return nil
	}
	probe.Close()
	os.Remove(probe.Name())

	if perm := info.Mode().Perm(); perm&0o077 != 0 {
		d.report.warn(pCheckDataDir, say(pDataDirMode, dir, uint32(perm)), say(pDataDirModeFix, dir))
	} else {
		d.report.ok(pCheckDataDir, say(pDataDirOK, dir, uint32(perm)))
	}

	dbPath := filepath.Join(dir, "kiosk.db")
	st, err := store.Open(ctx, dbPath)
	if err != nil {
		d.report.fail(pCheckDatabase, say(pDatabaseOpen, dbPath, err.Error()), say(pDatabaseFix))
		return nil
	}
	mode, err := journalMode(ctx, dbPath)
	switch {
	case err != nil:
		d.report.warn(pCheckDatabase, say(pDatabaseModeUnknown, dbPath, err.Error()), say(pDatabaseFix))
	case mode != "wal":
		d.report.fail(pCheckDatabase, say(pDatabaseNotWAL, dbPath, mode), say(pDatabaseFix))
	default:
		d.report.ok(pCheckDatabase, say(pDatabaseOK, dbPath))
	}

	d.checkQueue(ctx, st)
	return st
}

// journalMode reads the database's journal mode on a read-only connection
// of its own, because the store does not expose its connection. WAL mode is
// stored in the file, so any connection sees it.
func journalMode(ctx context.Context, dbPath string) (string, error) {
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: dbPath}).EscapedPath()+"?mode=ro")
	if err != nil {
		return "", err
	}
	defer db.Close()
	var mode string
	if err := db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		return "", err
	}
	return strings.ToLower(mode), nil
}

// checkQueue counts the balikan queue by state and warns when the oldest
// pending record is older than stalePending.
func (d *doctor) checkQueue(ctx context.Context, st *store.Store) {
	stats, err := st.QueueStats(ctx)
	if err != nil {
		d.report.fail(pCheckQueue, say(pQueueRead, err.Error()), say(pDatabaseFix))
		return
	}
	counts := say(pQueueCounts, stats.Pending, stats.Sending+stats.Exporting, stats.Delivered, stats.Exported)

	oldest, err := oldestPending(ctx, st)
	if err != nil {
		d.report.fail(pCheckQueue, say(pQueueRead, err.Error()), say(pDatabaseFix))
		return
	}
	age := d.opts.Now().Sub(oldest)
	if !oldest.IsZero() && age > stalePending {
		days := int(age / (24 * time.Hour))
		d.report.warn(pCheckQueue, say(pQueueStale, counts, days), say(pQueueStaleFix))
		return
	}
	d.report.ok(pCheckQueue, counts)
}

// oldestPending returns the creation time of the oldest pending record, or
// the zero time when none is pending. The records carry NIKs, so they are
// wiped before they are dropped.
// NOTE: the store has no query for this alone, so every pending record is
// read into memory; a queue of thousands is still a few megabytes.
func oldestPending(ctx context.Context, st *store.Store) (time.Time, error) {
	records, err := st.Records(ctx, store.Pending)
	if err != nil {
		return time.Time{}, err
	}
	var oldest time.Time
	for i := range records {
		if oldest.IsZero() || records[i].CreatedAt.Before(oldest) {
			oldest = records[i].CreatedAt
		}
		records[i] = store.QueuedBalikan{}
	}
	return oldest, nil
}

// checkQuota compares today's reserved hits with quota.daily_limit.
func (d *doctor) checkQuota(ctx context.Context, st *store.Store) {
	if st == nil {
		d.report.fail(pCheckQuota, say(pQuotaNoStore), say(pDatabaseFix))
		return
	}
	used, err := st.HitsOn(ctx, d.opts.Now())
	if err != nil {
		d.report.fail(pCheckQuota, say(pQuotaRead, err.Error()), say(pDatabaseFix))
		return
	}
	limit := d.cfg.Quota.DailyLimit
	switch {
	case used >= limit:
		d.report.warn(pCheckQuota, say(pQuotaExhausted, used, limit), say(pQuotaExhaustedFix))
	case used*100 >= limit*quotaWarnPercent:
		d.report.warn(pCheckQuota, say(pQuotaHigh, used, limit), say(pQuotaHighFix))
	default:
		d.report.ok(pCheckQuota, say(pQuotaOK, used, limit))
	}
}

// checkReader checks the PC/SC reader's set-up: the SAM secret file,
// pcscd, the two reader names and the fingerprint helper.
func (d *doctor) checkReader() {
	r := d.cfg.Reader
	if r.Kind == "sim" {
		d.report.warn(pCheckReader, say(pReaderSim), say(pReaderSimFix))
		return
	}
	d.checkSAMSecret(r.SAMSecretFile)
	d.checkPCSC(r.CardReader, r.SAMReader)
	d.checkFingerprintHelper(r.FingerprintHelper)
}

// checkSAMSecret checks the file's mode and format. The secret itself is
// wiped from memory and never reported.
func (d *doctor) checkSAMSecret(file string) {
	secret, err := ReadSAMSecret(file)
	clear(secret[:])
	var bad *SAMSecretError
	if !errors.As(err, &bad) {
		d.report.ok(pCheckSAMSecret, say(pSAMSecretOK, file))
		return
	}

	switch bad.Problem {
	case SAMSecretUnset:
		d.report.fail(pCheckSAMSecret, say(pSAMSecretUnset), say(pSAMSecretFix))
	case SAMSecretMissing:
		d.report.fail(pCheckSAMSecret, say(pSAMSecretMissing, file), say(pSAMSecretFix))
	case SAMSecretMode:
		d.report.fail(pCheckSAMSecret, say(pSAMSecretMode, file, uint32(bad.Mode)), say(pChmod600, file))
	case SAMSecretUnreadable:
		d.report.fail(pCheckSAMSecret, say(pSAMSecretUnreadable, file), say(pSAMSecretFix))
	default:
		d.report.fail(pCheckSAMSecret, say(pSAMSecretFormat, file), say(pSAMSecretFix))
	}
}

// checkPCSC lists pcscd's readers and matches the configured name patterns
// against them. Reader names identify hardware, not people, so they are
// listed.
func (d *doctor) checkPCSC(cardPattern, samPattern string) {
	list := d.opts.listReaders
	if list == nil {
		list = listPCSCReaders
	}
	names, err := list()
	if errors.Is(err, scard.ErrNoService) || errors.Is(err, scard.ErrServiceStopped) {
		d.report.fail(pCheckPCSC, say(pPCSCNoService), say(pPCSCNoServiceFix))
		return
	}
	if err != nil {
		d.report.fail(pCheckPCSC, say(pPCSCError, err.Error()), say(pPCSCNoServiceFix))
		return
	}
	listed := strings.Join(quoteAll(names), ", ")
	if len(names) == 0 {
		listed = "-"
	}
	d.report.ok(pCheckPCSC, say(pPCSCReaders, len(names), listed))

	if cardPattern == "" {
		cardPattern = device.DefaultCardReader
	}
	if samPattern == "" {
		samPattern = device.DefaultSAMReader
	}
	card, sam := pickReaderNames(cardPattern, samPattern, names)
	if card == "" {
		d.report.fail(pCheckPCSC, say(pPCSCNoCardReader, cardPattern), say(pPCSCNoReaderFix, "reader.card_reader"))
	} else {
		d.report.ok(pCheckPCSC, say(pPCSCCardReader, cardPattern, card))
	}
	if sam == "" {
		d.report.fail(pCheckPCSC, say(pPCSCNoSAMReader, samPattern), say(pPCSCNoReaderFix, "reader.sam_reader"))
	} else {
		d.report.ok(pCheckPCSC, say(pPCSCSAMReader, samPattern, sam))
	}
}

func listPCSCReaders() ([]string, error) {
	ctx, err := scard.EstablishContext()
	if err != nil {
		return nil, err
	}
	defer ctx.Release()
	names, err := ctx.ListReaders()
	if errors.Is(err, scard.ErrNoReadersAvailable) {
		return nil, nil
	}
	return names, err
}

// pickReaderNames picks the card reader and a different SAM reader by the
// PC/SC reader's own matching rule.
func pickReaderNames(cardPattern, samPattern string, names []string) (card, sam string) {
	for _, n := range names {
		if card == "" && device.MatchReaderName(cardPattern, n) {
			card = n
		}
	}
	for _, n := range names {
		if sam == "" && n != card && device.MatchReaderName(samPattern, n) {
			sam = n
		}
	}
	return card, sam
}

func quoteAll(names []string) []string {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = `"` + n + `"`
	}
	return quoted
}

func (d *doctor) checkFingerprintHelper(helper string) {
	if helper == "" {
		d.report.fail(pCheckFingerprint, say(pFingerprintUnset), say(pFingerprintFix))
		return
	}
	info, err := os.Stat(helper)
	if err != nil {
		d.report.fail(pCheckFingerprint, say(pFingerprintMissing, helper), say(pFingerprintFix))
		return
	}
	if !info.Mode().IsRegular() || info.Mode().Perm()&0o111 == 0 {
		d.report.fail(pCheckFingerprint, say(pFingerprintNotExec, helper), say(pFingerprintExecFix, helper))
		return
	}
	d.report.ok(pCheckFingerprint, say(pFingerprintOK, helper))
}

// checkSSH checks the support server's listen address and its authorized
// keys when [ssh] listen is set.
func (d *doctor) checkSSH(ctx context.Context) {
	s := d.cfg.SSH
	if s.Listen == "" {
		d.report.ok(pCheckSSH, say(pSSHOff))
		return
	}

	host, _, err := net.SplitHostPort(s.Listen)
	switch {
	case err != nil:
		d.report.fail(pCheckSSH, say(pSSHListenInvalid, s.Listen), say(pSSHListenFix))
	case host == "" || host == "0.0.0.0" || host == "::":
		d.report.warn(pCheckSSH, say(pSSHListenAll, s.Listen), say(pSSHListenFix))
	default:
		addrs, err := d.resolve(ctx, host)
		if err != nil {
			d.report.fail(pCheckSSH, say(pSSHListenInvalid, s.Listen), say(pSSHListenFix))
		} else if !allClosed(addrs) {
			d.report.warn(pCheckSSH, say(pSSHListenPublic, s.Listen), say(pSSHListenFix))
		} else {
			d.report.ok(pCheckSSH, say(pSSHListenOK, s.Listen))
		}
	}

	d.checkAuthorizedKeys(s.AuthorizedKeys)
}

func allClosed(addrs []netip.Addr) bool {
	for _, a := range addrs {
		if !closedNetwork(a) {
			return false
		}
	}
	return true
}

// checkAuthorizedKeys counts the public keys in the file; without one no
// technician can sign in.
func (d *doctor) checkAuthorizedKeys(file string) {
	if file == "" {
		d.report.fail(pCheckSSH, say(pSSHKeysUnset), say(pSSHKeysFix))
		return
	}
	raw, err := os.ReadFile(file)
	if err != nil {
		d.report.fail(pCheckSSH, say(pSSHKeysMissing, file), say(pSSHKeysFix))
		return
	}
	keys := 0
	for rest := raw; len(rest) > 0; {
		_, _, _, next, err := ssh.ParseAuthorizedKey(rest)
		if err != nil {
			break
		}
		keys++
		rest = next
	}
	if keys == 0 {
		d.report.fail(pCheckSSH, say(pSSHKeysNone, file), say(pSSHKeysFix))
		return
	}
	d.report.ok(pCheckSSH, say(pSSHKeysOK, file, keys))
}
