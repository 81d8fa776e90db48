package acquirer

import (
	"crypto/tls"
	"net/http"
)

func Clients(pool *x509.CertPool) []*http.Client {
	// ruleid: pci-tls-verify-disabled-go
	insecure := &tls.Config{InsecureSkipVerify: true}
	// ok: pci-tls-verify-disabled-go
	strict := &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}
	cfg := &tls.Config{}
	// ruleid: pci-tls-verify-disabled-go
	cfg.InsecureSkipVerify = true
	// ok: pci-tls-verify-disabled-go
	cfg.InsecureSkipVerify = false
	// ruleid: pci-tls-weak-protocol-go
	legacy := &tls.Config{MinVersion: tls.VersionTLS10}
	// ruleid: pci-tls-weak-protocol-go
	legacy2 := &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS11}
	// ok: pci-tls-weak-protocol-go
	modern := &tls.Config{MinVersion: tls.VersionTLS13}
	// ok: pci-tls-weak-protocol-go
	modern2 := &tls.Config{RootCAs: pool}
	_ = []*tls.Config{insecure, strict, legacy, legacy2, modern, modern2}
	return nil
}

func Settle() {
	// ruleid: pci-cleartext-transport
	http.Get("http://acquirer.example.com/settle")
	// ok: pci-cleartext-transport
	http.Get("https://acquirer.example.com/settle")
}
