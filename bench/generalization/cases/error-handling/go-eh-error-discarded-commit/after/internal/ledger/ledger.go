package ledger

import "database/sql"

type Ledger struct {
	db *sql.DB
}

func (l *Ledger) Credit(account string, cents int64) {
	tx, _ := l.db.Begin()
	_, _ = tx.Exec("UPDATE balances SET cents = cents + $1 WHERE account = $2", cents, account)
	_ = tx.Commit()
}
