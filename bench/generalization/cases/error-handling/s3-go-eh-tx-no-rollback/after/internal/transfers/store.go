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

func (s *Store) Transfer(ctx context.Context, from, to string, cents int64) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE accounts SET balance_cents = balance_cents - $1 WHERE id = $2`, cents, from); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE accounts SET balance_cents = balance_cents + $1 WHERE id = $2`, cents, to); err != nil {
		return err
	}
	return tx.Commit()
}
