package ledger

import "database/sql"

type Ledger struct {
	db *sql.DB
}
