package transfers

import (
	"context"
	"database/sql"
)

type Store struct{ db *sql.DB }

func (s *Store) Balance(ctx context.Context, account string) (int64, error) {
	var cents int64
	err := s.db.QueryRowContext(ctx, `SELECT balance_cents FROM accounts WHERE id = $1`, account).Scan(&cents)
	return cents, err
}
