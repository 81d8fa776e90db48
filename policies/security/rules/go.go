package store

import (
	"context"
	"crypto/des"
	"crypto/md5"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"os/exec"
	"runtime"
)

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
