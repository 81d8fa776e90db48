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
