package acquirer

import (
	"crypto/tls"
	"net/http"
	"time"
)

func NewClient() *http.Client {
	tr := &http.Transport{
		TLSClientConfig: &tls.Config{
			MinVersion:         tls.VersionTLS12,
			InsecureSkipVerify: true,
		},
	}
	return &http.Client{Timeout: 15 * time.Second, Transport: tr}
}
