package reports

import (
	"context"
	"database/sql"
	"fmt"
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

func (s *Store) Daily(ctx context.Context, day, currency string) ([]Row, error) {
	q := fmt.Sprintf(`SELECT merchant, currency, net_cents FROM settlements
		WHERE day = '%s' AND currency = '%s'`, day, currency)
	rows, err := s.db.QueryContext(ctx, q)
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
