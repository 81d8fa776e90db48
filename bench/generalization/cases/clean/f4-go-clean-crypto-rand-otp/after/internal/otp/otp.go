package otp

import (
	"crypto/rand"
	"fmt"
	"math/big"
	"time"
)

var limit = big.NewInt(1000000)

// Code returns a fresh six-digit one-time login code.
func Code() (string, error) {
	n, err := rand.Int(rand.Reader, limit)
	if err != nil {
		return "", fmt.Errorf("otp: %w", err)
	}
	return fmt.Sprintf("%06d", n.Int64()), nil
}

// Expiry is how long a code stays valid.
func Expiry() time.Time { return time.Now().Add(10 * time.Minute) }
