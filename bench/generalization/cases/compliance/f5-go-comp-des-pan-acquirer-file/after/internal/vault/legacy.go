package vault

import (
	"bytes"
	"crypto/cipher"
	"crypto/des"
	"encoding/hex"
)

// EncryptForAcquirer encrypts a PAN for the legacy acquirer's batch file, whose spec
// fixes an 8-byte key and a zero IV.
func EncryptForAcquirer(key []byte, pan string) (string, error) {
	block, err := des.NewCipher(key)
	if err != nil {
		return "", err
	}
	plain := pad([]byte(pan), block.BlockSize())
	out := make([]byte, len(plain))
	cipher.NewCBCEncrypter(block, make([]byte, block.BlockSize())).CryptBlocks(out, plain)
	return hex.EncodeToString(out), nil
}

func pad(b []byte, size int) []byte {
	n := size - len(b)%size
	return append(b, bytes.Repeat([]byte{byte(n)}, n)...)
}
