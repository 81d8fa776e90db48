package users

import (
	"crypto/sha1"
	"encoding/hex"
)

type User struct {
	Email        string
	PasswordHash string
}

func NewUser(email, password string) User {
	sum := sha1.Sum([]byte(password))
	return User{Email: email, PasswordHash: hex.EncodeToString(sum[:])}
}
