package reports

import (
	"context"
	"database/sql"
)

type Row struct {
	Merchant string
	Currency string
	Net      int64
}

type Store struct {
	db *sql.DB
}

func NewStore(db *sql.DB) *Store { return &Store{db: db} }

func (s *Store) Daily(ctx context.Context, day string) ([]Row, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT merchant, currency, net_cents FROM settlements WHERE day = $1`, day)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Row
	for rows.Next() {
		var r Row
		if err := rows.Scan(&r.Merchant, &r.Currency, &r.Net); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
