package config

import (
	"cmp"
	"os"
)

func getenv(key, def string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return def
}

type Config struct {
	Addr      string
	StripeKey string
	DBPass    string
	Timeout   string
}

func Load() Config {
	key := os.Getenv("STRIPE_KEY")
	if key == "" {
		// ruleid: pci-credential-env-fallback-go
		key = "rk_prod_51HvT3kLmN8pQ2rS5tU7vW9"
	}
	addr := os.Getenv("ADDR")
	if addr == "" {
		// ok: pci-credential-env-fallback-go
		addr = "127.0.0.1:8080"
	}
	token, ok := os.LookupEnv("API_TOKEN")
	if !ok {
		// ruleid: pci-credential-env-fallback-go
		token = "9f8e7d6c5b4a39281706f5e4"
	}
	_ = token
	// ok: pci-credential-env-fallback-go
	keyFile := getenv("TLS_KEY_FILE", "/etc/payments/tls-2024.key")
	_ = keyFile
	return Config{
		Addr: addr,
		StripeKey: key,
		// ruleid: pci-credential-env-fallback-go
		DBPass: getenv("DB_PASS", "Pr0d-Passw0rd!"),
		// ok: pci-credential-env-fallback-go
		Timeout: getenv("HTTP_TIMEOUT", "30s"),
	}
}

func Webhook() string {
	// ruleid: pci-credential-env-fallback-go
	return cmp.Or(os.Getenv("WEBHOOK_SECRET"), "whsec_9a8b7c6d5e4f3a2b1c")
}

func Secret() string {
	s := os.Getenv("APP_SECRET")
	if s == "" {
		// ok: pci-credential-env-fallback-go
		s = "changeme"
	}
	return s
}
