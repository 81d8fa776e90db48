package payouts

import (
	"context"
	"database/sql"
)

type Store struct {
	DB *sql.DB
}

func (s *Store) Hold(ctx context.Context, id int64, reason string) error {
	_, err := s.DB.ExecContext(ctx, `UPDATE payouts SET status = 'held', hold_reason = $1 WHERE id = $2`, reason, id)
	return err
}
