package checkout

import "database/sql"

func Save(db *sql.DB, rdb *redis.Client, req Request) error {
	// ruleid: pci-pan-stored-cleartext
	_, err := db.Exec("INSERT INTO cards (pan) VALUES ($1)", req.CardNumber)
	// ok: pci-pan-stored-cleartext
	_, err = db.Exec("INSERT INTO cards (pan_enc) VALUES ($1)", EncryptPAN(req.CardNumber))
	// ruleid: pci-sad-stored
	rdb.Set(ctx, "cvv:"+req.ID, req.CVV, 0)
	// ok: pci-sad-stored
	rdb.Set(ctx, "step:"+req.ID, req.Step, 0)
	return err
}
