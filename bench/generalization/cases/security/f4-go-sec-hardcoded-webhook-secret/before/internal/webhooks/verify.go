package webhooks

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
)


// Verify checks the X-Signature header of a provider callback.
func Verify(r *http.Request, body []byte) bool {
func Verify(r *http.Request, body []byte, signingKey []byte) bool {
	mac := hmac.New(sha256.New, signingKey)
	mac.Write(body)
	want := hex.EncodeToString(mac.Sum(nil))
	return hmac.Equal([]byte(want), []byte(r.Header.Get("X-Signature")))
}
