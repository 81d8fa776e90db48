package otp

import (
	"fmt"
	"math/rand"
	"time"
)

var rng = rand.New(rand.NewSource(time.Now().UnixNano()))

// Code returns a fresh six-digit one-time login code.
func Code() string {
	return fmt.Sprintf("%06d", rng.Intn(1000000))
}

// Expiry is how long a code stays valid.
func Expiry() time.Time { return time.Now().Add(10 * time.Minute) }
