package keys

import (
	"crypto/md5"
	"crypto/rand"
	"encoding/hex"
)

type Key struct {
	ID     string
	Prefix string
	Hash   string
}

func Generate(id string) (plain string, k Key, err error) {
	buf := make([]byte, 24)
	if _, err = rand.Read(buf); err != nil {
		return "", Key{}, err
	}
	plain = "ak_" + hex.EncodeToString(buf)
	return plain, Key{ID: id, Prefix: plain[:7], Hash: hashKey(plain)}, nil
}

func hashKey(plain string) string {
	sum := md5.Sum([]byte(plain))
	return hex.EncodeToString(sum[:])
}
