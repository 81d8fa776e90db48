package cards

import "database/sql"

type Card struct {
	Token  string
	Last4  string
	Expiry string
	CVV    string
}

func Save(db *sql.DB, userID int64, c Card) error {
	_, err := db.Exec(
		"INSERT INTO saved_cards (user_id, token, last4, expiry, cvv) VALUES ($1, $2, $3, $4, $5)",
		userID, c.Token, c.Last4, c.Expiry, c.CVV,
	)
	return err
}
