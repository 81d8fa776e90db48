package auth

import (
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"math/big"
)

// NewSessionToken returns 32 random bytes, URL-safe encoded.
func NewSessionToken() (string, error) {
	buf := make([]byte, 32)
	if _, err := rand.Read(buf); err != nil {
		return "", fmt.Errorf("session token: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(buf), nil
}

// NewResetCode returns a uniformly distributed six-digit code.
func NewResetCode() (string, error) {
	n, err := rand.Int(rand.Reader, big.NewInt(1000000))
	if err != nil {
		return "", fmt.Errorf("reset code: %w", err)
	}
	return fmt.Sprintf("%06d", n.Int64()), nil
}
