package store

import (
	"context"
	"database/sql"
	"regexp"
	"slices"
	"strings"
)

// idChunk bounds the IDs bound into one statement, well under SQLite's
// limit of 32766 parameters.
const idChunk = 500

// updateIDs runs update, which ends in "id IN ", once per chunk of ids, all
// in one transaction. args are bound before the IDs.
func (s *Store) updateIDs(ctx context.Context, ids []int64, update string, args ...any) error {
	if len(ids) == 0 {
		return nil
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		for chunk := range slices.Chunk(ids, idChunk) {
			bound := slices.Clone(args)
			for _, id := range chunk {
				bound = append(bound, id)
			}
			if _, err := tx.ExecContext(ctx, update+"("+placeholders(len(chunk))+")", bound...); err != nil {
				return err
			}
		}
		return nil
	})
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

// scanBalikan reads rows selected or returned with balikanColumns and
// closes them.
func scanBalikan(rows *sql.Rows) ([]QueuedBalikan, error) {
	defer rows.Close()

	var records []QueuedBalikan
	for rows.Next() {
		var (
			b                                    QueuedBalikan
			nik, exportFile                      sql.NullString
			values                               [8]sql.NullString
			created, next, delivered, exportedAt sql.NullInt64
		)
		err := rows.Scan(&b.ID, &b.Key, &nik, &values[0], &values[1], &values[2], &values[3], &values[4],
			&values[5], &values[6], &values[7], &b.Operator, &created, &b.State, &b.Attempts, &next,
			&b.LastError, &delivered, &exportedAt, &exportFile)
		if err != nil {
			return nil, err
		}

		b.NIK = nik.String
		for i, v := range values {
			b.Values[i] = v.String
		}
		b.CreatedAt = fromMilli(created)
		b.NextAttempt = fromMilli(next)
		b.DeliveredAt = fromMilli(delivered)
		b.ExportedAt = fromMilli(exportedAt)
		b.ExportFile = exportFile.String
		records = append(records, b)
	}
	return records, rows.Err()
}

// sortByDue orders records as ClaimBatch selects them, because RETURNING
// gives no order.
func sortByDue(records []QueuedBalikan) {
	slices.SortFunc(records, func(a, b QueuedBalikan) int {
		if c := a.NextAttempt.Compare(b.NextAttempt); c != 0 {
			return c
		}
		return compareIDs(a, b)
	})
}

func sortByID(records []QueuedBalikan) {
	slices.SortFunc(records, compareIDs)
}

func compareIDs(a, b QueuedBalikan) int {
	switch {
	case a.ID < b.ID:
		return -1
	case a.ID > b.ID:
		return 1
	}
	return 0
}

var sixteenDigits = regexp.MustCompile(`[0-9]{16}`)

// MaskNIKs replaces every run of 16 digits in s, the length of a NIK, with
// asterisks. Free text that the store keeps (delivery errors, audit details)
// passes through it, so a NIK quoted by a gateway message or passed in by
// mistake does not stay on disk. Longer digit runs are masked in part.
func MaskNIKs(s string) string {
	return sixteenDigits.ReplaceAllLiteralString(s, "****************")
}
