package bankclient

import (
	"crypto/tls"
	"fmt"
	"net/http"
	"time"
)

type Config struct {
	BaseURL  string
	CertFile string
	KeyFile  string
}

type Client struct {
	baseURL string
	http    *http.Client
}

func New(cfg Config) (*Client, error) {
	clientCert, err := tls.LoadX509KeyPair(cfg.CertFile, cfg.KeyFile)
	if err != nil {
		return nil, fmt.Errorf("load client certificate: %w", err)
	}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = &tls.Config{
		MinVersion:   tls.VersionTLS12,
		Certificates: []tls.Certificate{clientCert},
	}
	return &Client{
		baseURL: cfg.BaseURL,
		http:    &http.Client{Transport: tr, Timeout: 20 * time.Second},
	}, nil
}
