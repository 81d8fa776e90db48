package store

import (
	"context"
	"crypto/des"
	"crypto/md5"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"net/http"
	"os/exec"
	"runtime"
	"strings"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jmoiron/sqlx"
	"gorm.io/gorm"
)

type Order struct {
	ID     uint
	Status string
}

type OrderRepo struct{ db *gorm.DB }

func (r *OrderRepo) List(ctx context.Context, merchantID uint, status string) ([]Order, error) {
	var out []Order
	q := r.db.WithContext(ctx).Where("merchant_id = ?", merchantID)
	if status != "" {
		// ruleid: sec-sql-injection-go
		q = q.Where(fmt.Sprintf("status = '%s'", status))
	}
	err := q.Order("id desc").Find(&out).Error
	return out, err
}

func (r *OrderRepo) Search(name string) ([]Order, error) {
	var out []Order
	// ruleid: sec-sql-injection-go
	err := r.db.Where("name LIKE '%" + name + "%'").Find(&out).Error
	return out, err
}

func (r *OrderRepo) ByStatus(ctx context.Context, status string, limit int) ([]Order, error) {
	var out []Order
	// ok: sec-sql-injection-go
	q := r.db.WithContext(ctx).Where("status = ?", status)
	// ok: sec-sql-injection-go
	err := q.Order(fmt.Sprintf("id desc limit %d", limit)).Find(&out).Error
	return out, err
}

func (r *OrderRepo) Sorted(column string) ([]Order, error) {
	var out []Order
	cols := map[string]string{"id": "id", "status": "status"}
	// ok: sec-sql-injection-go
	err := r.db.Order(cols[column] + " desc").Find(&out).Error
	return out, err
}

func FindUser(ctx context.Context, db *sql.DB, email string) (*sql.Rows, error) {
	// ruleid: sec-sql-injection-go
	return db.QueryContext(ctx, fmt.Sprintf("SELECT * FROM users WHERE email = '%s'", email))
}

func DeleteOrder(db *sql.DB, id string) error {
	query := "DELETE FROM orders WHERE id = '" + id + "'"
	// ruleid: sec-sql-injection-go
	_, err := db.Exec(query)
	return err
}

func FindUserSafe(ctx context.Context, db *sql.DB, email string) (*sql.Rows, error) {
	// ok: sec-sql-injection-go
	rows, err := db.QueryContext(ctx, "SELECT * FROM users WHERE email = $1", email)
	if err != nil {
		return nil, err
	}
	// ok: sec-sql-injection-go
	_, err = db.Exec("DELETE FROM sessions WHERE expires < now()")
	return rows, err
}

func Archive(name string) error {
	// ruleid: sec-command-injection-go
	if err := exec.Command("sh", "-c", "tar czf /backups/"+name+".tgz /data").Run(); err != nil {
		return err
	}
	// ruleid: sec-command-injection-go
	return exec.Command("/bin/bash", "-c", fmt.Sprintf("gzip %s", name)).Run()
}

func ArchiveSafe(name string) error {
	// ok: sec-command-injection-go
	if err := exec.Command("tar", "czf", "/backups/"+name+".tgz", "/data").Run(); err != nil {
		return err
	}
	// ok: sec-command-injection-go
	return exec.Command("sh", "-c", "sync").Run()
}

func Fingerprint(data []byte, key []byte) ([]byte, error) {
	// ruleid: sec-weak-crypto-go
	sum := md5.Sum(data)
	// ruleid: sec-weak-crypto-go
	block, err := des.NewCipher(key)
	_ = block
	return sum[:], err
}

func FingerprintSafe(data []byte) []byte {
	// ok: sec-weak-crypto-go
	sum := sha256.Sum256(data)
	// ok: sec-weak-crypto-go
	h := sha256.New()
	h.Write(data)
	return append(sum[:], h.Sum(nil)...)
}

func platformID() [16]byte {
	// ok: sec-weak-crypto-go
	return md5.Sum([]byte(runtime.GOOS + "/" + runtime.GOARCH))
}

func contentChecksum(body []byte) [16]byte {
	// ok: sec-weak-crypto-go
	checksum := md5.Sum(body)
	return checksum
}

type Reports struct {
	db   *sqlx.DB
	pool *pgxpool.Pool
}

// The sort column comes from the request two statements before an old query line.
func (h *Reports) List(w http.ResponseWriter, r *http.Request) {
	order := "created_at"
	if s := r.URL.Query().Get("order"); s != "" {
		order = s
	}
	q := "SELECT id FROM reports ORDER BY " + order
	// ruleid: sec-sql-injection-go
	rows, err := h.pool.Query(r.Context(), q)
	if err == nil {
		rows.Close()
	}
}

func (h *Reports) ByOwner(owner string) ([]string, error) {
	var ids []string
	var b strings.Builder
	b.WriteString("SELECT id FROM reports WHERE owner = '")
	b.WriteString(owner)
	b.WriteString("'")
	// ruleid: sec-sql-injection-go
	err := h.db.Select(&ids, b.String())
	return ids, err
}

func (h *Reports) Count(ctx context.Context, owner string) (int, error) {
	var n int
	// ruleid: sec-sql-injection-go
	err := h.db.GetContext(ctx, &n, "SELECT count(*) FROM reports WHERE owner = '"+owner+"'")
	return n, err
}

// A wrapper hands its query text through unchanged; callers own it.
func (h *Reports) Exec(ctx context.Context, query string, args ...any) error {
	// ok: sec-sql-injection-go
	_, err := h.db.ExecContext(ctx, query, args...)
	return err
}

// Table names come from code (migrations), not from users.
func (h *Reports) Truncate(ctx context.Context, table string) error {
	// ok: sec-sql-injection-go
	_, err := h.db.ExecContext(ctx, "TRUNCATE "+table)
	return err
}

var reportColumns = map[string]string{"new": "created_at DESC", "big": "size DESC"}

func (h *Reports) Search(ctx context.Context, kinds []string, sort string, limit int) error {
	marks := make([]string, len(kinds))
	args := make([]any, len(kinds))
	for i, k := range kinds {
		marks[i] = fmt.Sprintf("$%d", i+1)
		args[i] = k
	}
	order, ok := reportColumns[sort]
	if !ok {
		order = reportColumns["new"]
	}
	q := fmt.Sprintf("SELECT id FROM reports WHERE kind IN (%s) ORDER BY %s LIMIT %d",
		strings.Join(marks, ","), order, limit)
	// ok: sec-sql-injection-go
	rows, err := h.pool.Query(ctx, q, args...)
	if err != nil {
		return err
	}
	rows.Close()
	return nil
}

func Rates(base string) (*http.Response, error) {
	// ok: sec-sql-injection-go
	return http.Get("https://rates.example.com/latest?base=" + base)
}
