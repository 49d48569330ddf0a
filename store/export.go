package store

import (
	"context"
	"fmt"
	"time"
)

// ExportCandidates returns the Pending records, ordered by ID, without
// claiming them, to show what an export would contain. An export itself
// uses ClaimExport, so the delivery worker cannot send a record while it is
// being written to a file.
func (s *Store) ExportCandidates(ctx context.Context) ([]QueuedBalikan, error) {
	records, err := s.Records(ctx, Pending)
	if err != nil {
		return nil, fmt.Errorf("list export candidates: %w", err)
	}
	return records, nil
}

// ClaimExport moves every Pending record to Exporting, due or not, and
// returns them ordered by ID. Finish with MarkExported once the file is
// written, or ReleaseExport when writing failed.
func (s *Store) ClaimExport(ctx context.Context) ([]QueuedBalikan, error) {
	rows, err := s.db.QueryContext(ctx,
		`UPDATE balikan SET state = 'exporting' WHERE state = 'pending' RETURNING `+balikanColumns)
	if err != nil {
		return nil, fmt.Errorf("claim balikan records for export: %w", err)
	}
	records, err := scanBalikan(rows)
	if err != nil {
		return nil, fmt.Errorf("claim balikan records for export: %w", err)
	}
	sortByID(records)
	return records, nil
}

// MarkExported turns Exporting and Pending records into receipts of an
// export to file: the state becomes Exported, so the worker never sends them,
// and the NIK and values are erased as on delivery. Records in other states
// are left alone. An error means nothing was marked.
func (s *Store) MarkExported(ctx context.Context, ids []int64, at time.Time, file string) error {
	err := s.updateIDs(ctx, ids, `
		UPDATE balikan SET state = 'exported', exported_at = ?, export_file = ?, `+erasedColumns+`
		WHERE state IN ('pending', 'exporting') AND id IN `, at.UnixMilli(), file)
	if err != nil {
		return fmt.Errorf("mark %d balikan records exported to %s: %w", len(ids), file, err)
	}
	s.checkpointAfterErase(ctx)
	return nil
}

// ReleaseExport puts Exporting records back to Pending without counting a
// delivery attempt.
func (s *Store) ReleaseExport(ctx context.Context, ids []int64) error {
	err := s.updateIDs(ctx, ids, `UPDATE balikan SET state = 'pending' WHERE state = 'exporting' AND id IN `)
	if err != nil {
		return fmt.Errorf("release %d balikan records from export: %w", len(ids), err)
	}
	return nil
}
