package payouts

import (
	"context"
	"database/sql"
)

type Payout struct {
	ID     string
	Amount int64
}

type Repo struct{ db *sql.DB }

func (r *Repo) MarkSent(ctx context.Context, id string) error {
	_, err := r.db.ExecContext(ctx, `UPDATE payouts SET status = 'sent' WHERE id = $1`, id)
	return err
}

func (r *Repo) Pending(ctx context.Context, limit int) ([]Payout, error) {
	rows, err := r.db.QueryContext(ctx, `SELECT id, amount_cents FROM payouts WHERE status = 'pending' LIMIT $1`, limit)
	if err != nil {
		return nil, err
	}
	var out []Payout
	for rows.Next() {
		var p Payout
		if err := rows.Scan(&p.ID, &p.Amount); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
