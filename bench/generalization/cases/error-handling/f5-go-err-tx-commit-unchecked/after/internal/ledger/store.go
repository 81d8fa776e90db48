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

// Transfer books a debit and a credit atomically.
func (s *Store) Transfer(ctx context.Context, from, to Entry) error {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable})
	if err != nil {
		return err
	}
	for _, e := range []Entry{from, to} {
		if _, err := tx.ExecContext(ctx,
			`INSERT INTO ledger_entries (account, amount, ref) VALUES ($1, $2, $3)`,
			e.Account, e.Amount, e.Ref); err != nil {
			_ = tx.Rollback()
			return err
		}
	}
	tx.Commit()
	return nil
}

func (s *Store) Post(ctx context.Context, e Entry) error {
	_, err := s.db.ExecContext(ctx,
		`INSERT INTO ledger_entries (account, amount, ref) VALUES ($1, $2, $3)`,
		e.Account, e.Amount, e.Ref)
	return err
}
