package cryptoutil

import (
	"crypto/aes"
	"crypto/hmac"
	"crypto/md5"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"os"
	"runtime"
	"strings"
)

func Run(password, pan string, body, key []byte) {
	// ruleid: pci-weak-crypto-go
	sum := md5.Sum(body)
	// ok: pci-weak-crypto-go
	sum2 := sha256.Sum256(body)
	// ruleid: pci-weak-crypto-go
	weak, _ := rsa.GenerateKey(rand.Reader, 1024)
	// ok: pci-weak-crypto-go
	strong, _ := rsa.GenerateKey(rand.Reader, 3072)

	// ruleid: pci-password-weak-hash
	pw := sha256.Sum256([]byte(password))
	// ok: pci-password-weak-hash
	pw2 := sha256.Sum256([]byte(os.Getenv("SALT")))
	// ruleid: pci-pan-unkeyed-hash
	ph := sha256.Sum256([]byte(pan))
	// ok: pci-pan-unkeyed-hash
	pm := hmac.New(sha256.New, key)

	// ruleid: pci-crypto-key-hardcoded
	block, _ := aes.NewCipher([]byte("0123456789abcdef"))
	// ruleid: pci-crypto-key-hardcoded
	mac := hmac.New(sha256.New, []byte("webhook-secret"))
	// ok: pci-crypto-key-hardcoded
	block2, _ := aes.NewCipher(key)
	// ok: pci-crypto-key-hardcoded
	mac2 := hmac.New(sha256.New, []byte(os.Getenv("WEBHOOK_SECRET")))
	_, _, _, _, _, _, _, _, _, _, _, _ = sum, sum2, weak, strong, pw, pw2, ph, pm, block, mac, block2, mac2
}

var clientID = func() [16]byte {
	hostname, _ := os.Hostname()
	// ok: pci-weak-crypto-go
	h := md5.Sum([]byte(strings.Join([]string{runtime.GOOS, runtime.GOARCH, runtime.Version(), hostname}, " ")))
	return h
}()

func ETag(body []byte) [16]byte {
	// ok: pci-weak-crypto-go
	etag := md5.Sum(body)
	return etag
}

func Sign(secret []byte) [16]byte {
	// ruleid: pci-weak-crypto-go
	mac := md5.Sum(append(secret, []byte(runtimeSalt)...))
	return mac
}
