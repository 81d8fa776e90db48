package acquirer

import (
	"crypto/tls"
	"net/http"
	"time"
)

func NewClient() *http.Client {
	tr := &http.Transport{TLSClientConfig: &tls.Config{MinVersion: tls.VersionTLS12}}
	return &http.Client{Timeout: 10 * time.Second, Transport: tr}
}
