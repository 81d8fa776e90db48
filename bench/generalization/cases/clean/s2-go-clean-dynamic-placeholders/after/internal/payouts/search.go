package payouts

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

var sortColumns = map[string]string{"newest": "created_at DESC", "amount": "amount_cents DESC"}

func Search(ctx context.Context, db *sql.DB, statuses []string, sort string) (*sql.Rows, error) {
	holders := make([]string, len(statuses))
	args := make([]any, len(statuses))
	for i, s := range statuses {
		holders[i] = fmt.Sprintf("$%d", i+1)
		args[i] = s
	}
	order, ok := sortColumns[sort]
	if !ok {
		order = sortColumns["newest"]
	}
	q := "SELECT id, amount_cents, status FROM payouts WHERE status IN (" + strings.Join(holders, ", ") + ") ORDER BY " + order
	return db.QueryContext(ctx, q, args...)
}
