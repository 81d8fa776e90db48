package store

import (
	"context"
	"database/sql"
	"fmt"
)

type Ledger interface {
	Record(ctx context.Context, e Entry) error
}

type Entry struct{ ID string }

type Worker struct {
	ledger Ledger
	db     *sql.DB
	cache  map[string]string
}

func (w *Worker) Capture(ctx context.Context, e Entry, tx *sql.Tx) error {
	// ruleid: eh-go-write-error-blanked
	_ = w.ledger.Record(ctx, e)
	// ruleid: eh-go-write-error-blanked
	_, _ = tx.ExecContext(ctx, `UPDATE payments SET state = 'captured' WHERE id = $1`, e.ID)
	// ruleid: eh-go-write-error-blanked
	_ = tx.Commit()
	// ok: eh-go-write-error-blanked
	_ = tx.Rollback()
	// ok: eh-go-write-error-blanked
	if err := w.ledger.Record(ctx, e); err != nil {
		return err
	}
	return nil
}

func (w *Worker) Cleanup(f *sql.Rows, conn *sql.Conn) {
	// ok: eh-go-write-error-blanked
	_ = f.Close()
	// ok: eh-go-write-error-blanked
	_ = conn.Close()
}

func Pending(ctx context.Context, db *sql.DB) ([]string, error) {
	// ruleid: eh-go-rows-never-closed
	rows, err := db.QueryContext(ctx, `SELECT id FROM payouts`)
	if err != nil {
		return nil, err
	}
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

func First(db *sql.DB) (string, error) {
	// ruleid: eh-go-rows-never-closed
	rows, err := db.Query(`SELECT id FROM payouts LIMIT 1`)
	if err != nil {
		return "", err
	}
	var id string
	if rows.Next() {
		err = rows.Scan(&id)
	}
	return id, err
}

func PendingClosed(ctx context.Context, db *sql.DB) ([]string, error) {
	// ok: eh-go-rows-never-closed
	rows, err := db.QueryContext(ctx, `SELECT id FROM payouts`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

func All(db *sql.DB) ([]string, error) {
	// ok: eh-go-rows-never-closed
	rows, err := db.Query(`SELECT id FROM payouts`)
	if err != nil {
		return nil, err
	}
	var out []string
	for rows.Next() {
		var id string
		rows.Scan(&id)
		out = append(out, id)
	}
	return out, rows.Err()
}

func Transfer(ctx context.Context, db *sql.DB, from, to string, cents int64) error {
	// ruleid: eh-go-tx-no-rollback
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE accounts SET c = c - $1 WHERE id = $2`, cents, from); err != nil {
		return err
	}
	return tx.Commit()
}

func TransferSafe(ctx context.Context, db *sql.DB, from string, cents int64) error {
	// ok: eh-go-tx-no-rollback
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `UPDATE accounts SET c = c - $1 WHERE id = $2`, cents, from); err != nil {
		return err
	}
	return tx.Commit()
}

func TransferExplicit(db *sql.DB, from string) (err error) {
	// ok: eh-go-tx-no-rollback
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	_, err = tx.Exec(`DELETE FROM holds WHERE id = $1`, from)
	if err != nil {
		return err
	}
	return tx.Commit()
}

func BeginOnly(db *sql.DB) (*sql.Tx, error) {
	// ok: eh-go-tx-no-rollback
	tx, err := db.Begin()
	return tx, err
}

func Settle(db *sql.DB, id string) error {
	var err error
	var tx *sql.Tx
	// ruleid: eh-go-tx-no-rollback
	tx, err = db.Begin()
	if err != nil {
		return err
	}
	if _, err = tx.Exec(`UPDATE holds SET settled = true WHERE id = $1`, id); err != nil {
		return fmt.Errorf("settle %s: %w", id, err)
	}
	if err = tx.Commit(); err != nil {
		return err
	}
	return nil
}
