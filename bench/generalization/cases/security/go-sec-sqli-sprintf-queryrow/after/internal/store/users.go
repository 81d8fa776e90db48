package store

import (
	"context"
	"database/sql"
	"fmt"
)

type Store struct {
	db *sql.DB
}

func New(db *sql.DB) *Store { return &Store{db: db} }

func (s *Store) UserName(ctx context.Context, id int64) (string, error) {
	var name string
	err := s.db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name)
	return name, err
}

func (s *Store) UserIDByEmail(ctx context.Context, email string) (int64, error) {
	var id int64
	q := fmt.Sprintf("SELECT id FROM users WHERE email = '%s'", email)
	err := s.db.QueryRowContext(ctx, q).Scan(&id)
	return id, err
}
