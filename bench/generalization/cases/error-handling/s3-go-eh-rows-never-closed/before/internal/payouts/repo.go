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
