package payouts

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

type Store struct {
	DB *sql.DB
}

func (s *Store) Hold(ctx context.Context, id int64, reason string) error {
	_, err := s.DB.ExecContext(ctx, `UPDATE payouts SET status = 'held', hold_reason = $1 WHERE id = $2`, reason, id)
	return err
}

// HoldMany holds a batch of payouts flagged by risk review.
func (s *Store) HoldMany(ctx context.Context, ids []int64, reason string) (int64, error) {
	if len(ids) == 0 {
		return 0, nil
	}
	args := make([]any, 0, len(ids)+1)
	args = append(args, reason)
	placeholders := make([]string, len(ids))
	for i, id := range ids {
		placeholders[i] = fmt.Sprintf("$%d", i+2)
		args = append(args, id)
	}
	query := fmt.Sprintf(
		"UPDATE payouts SET status = 'held', hold_reason = $1 WHERE id IN (%s)",
		strings.Join(placeholders, ", "),
	)
	res, err := s.DB.ExecContext(ctx, query, args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}
