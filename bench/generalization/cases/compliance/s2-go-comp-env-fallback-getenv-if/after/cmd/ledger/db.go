package main

import (
	"database/sql"
	"os"

	_ "github.com/lib/pq"
)

func openDB() (*sql.DB, error) {
	dsn := os.Getenv("LEDGER_DSN")
	if dsn == "" {
		dsn = "postgres://ledger:Vq8#rT2m!Lx9pZ@db.prod.acme.internal:5432/ledger?sslmode=require"
	}
	return sql.Open("postgres", dsn)
}
