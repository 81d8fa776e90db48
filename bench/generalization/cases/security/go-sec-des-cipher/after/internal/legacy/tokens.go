package legacy

import (
	"crypto/cipher"
	"crypto/des"
	"encoding/base64"
)

func encode(b []byte) string { return base64.StdEncoding.EncodeToString(b) }

func Seal(key, iv, plain []byte) (string, error) {
	block, err := des.NewTripleDESCipher(key)
	if err != nil {
		return "", err
	}
	out := make([]byte, len(plain))
	cipher.NewCBCEncrypter(block, iv).CryptBlocks(out, plain)
	return encode(out), nil
}
