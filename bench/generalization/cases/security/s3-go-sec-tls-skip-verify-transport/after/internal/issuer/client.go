package issuer

import (
	"crypto/tls"
	"net/http"
	"time"
)

type Client struct {
	base string
	http *http.Client
}

func New(base string) *Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true, MinVersion: tls.VersionTLS12}
	return &Client{
		base: base,
		http: &http.Client{Timeout: 15 * time.Second, Transport: tr},
	}
}
