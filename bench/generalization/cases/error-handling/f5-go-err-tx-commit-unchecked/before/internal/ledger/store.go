package ledger

import (
	"context"
	"database/sql"
)

type Entry struct {
	Account string
	Amount  int64
	Ref     string
}

type Store struct {
	db *sql.DB
}

func NewStore(db *sql.DB) *Store { return &Store{db: db} }

func (s *Store) Post(ctx context.Context, e Entry) error {
	_, err := s.db.ExecContext(ctx,
		`INSERT INTO ledger_entries (account, amount, ref) VALUES ($1, $2, $3)`,
		e.Account, e.Amount, e.Ref)
	return err
}
