package webhooks

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
)

var ErrBadSignature = errors.New("webhook signature mismatch")

type Verifier struct{ secret []byte }

func NewVerifierFromEnv() (*Verifier, error) {
	s := os.Getenv("WEBHOOK_SIGNING_SECRET")
	if s == "" {
		return nil, errors.New("WEBHOOK_SIGNING_SECRET is not set")
	}
	return &Verifier{secret: []byte(s)}, nil
}

func (v *Verifier) Verify(body []byte, signature string) error {
	mac := hmac.New(sha256.New, v.secret)
	mac.Write(body)
	want := hex.EncodeToString(mac.Sum(nil))
	if !hmac.Equal([]byte(want), []byte(signature)) {
		return ErrBadSignature
	}
	return nil
}
