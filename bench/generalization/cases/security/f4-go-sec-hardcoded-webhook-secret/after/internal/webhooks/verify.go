package webhooks

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
)

var signingKey = []byte("whsec_9f4c1e7a2b6d8035c4e1f9a7b2d6e803")

// Verify checks the X-Signature header of a provider callback.
func Verify(r *http.Request, body []byte) bool {
	mac := hmac.New(sha256.New, signingKey)
	mac.Write(body)
	want := hex.EncodeToString(mac.Sum(nil))
	return hmac.Equal([]byte(want), []byte(r.Header.Get("X-Signature")))
}
