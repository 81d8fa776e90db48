package db

import (
	"database/sql"
	"fmt"
	"log"
	"os"
)

func Open() (*sql.DB, error) {
	dsn := fmt.Sprintf("postgres://%s:%s@%s/%s?sslmode=require",
		os.Getenv("DB_USER"), os.Getenv("DB_PASSWORD"), os.Getenv("DB_HOST"), os.Getenv("DB_NAME"))
	log.Printf("connecting to database host %s", os.Getenv("DB_HOST"))
	return sql.Open("pgx", dsn)
}
