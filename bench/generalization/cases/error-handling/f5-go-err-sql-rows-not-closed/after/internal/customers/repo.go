package customers

import (
	"context"
	"database/sql"
)

type Customer struct {
	ID    string
	Email string
}

type Repo struct {
	DB *sql.DB
}

func (r *Repo) Get(ctx context.Context, id string) (Customer, error) {
	var c Customer
	err := r.DB.QueryRowContext(ctx, `SELECT id, email FROM customers WHERE id = $1`, id).Scan(&c.ID, &c.Email)
	return c, err
}

func (r *Repo) ByMerchant(ctx context.Context, merchantID string) ([]Customer, error) {
	rows, err := r.DB.QueryContext(ctx, `SELECT id, email FROM customers WHERE merchant_id = $1`, merchantID)
	if err != nil {
		return nil, err
	}
	var out []Customer
	for rows.Next() {
		var c Customer
		if err := rows.Scan(&c.ID, &c.Email); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
