package config

import "os"

type Config struct {
	Addr      string
	StripeKey string
}

func Load() Config {
	addr := os.Getenv("ADDR")
	if addr == "" {
		addr = ":8080"
	}
	key := os.Getenv("STRIPE_SECRET_KEY")
	if key == "" {
		key = "sk_live_51PqR7sTuV2wXyZ3aBcD4eFgH5iJkL6mN"
	}
	return Config{Addr: addr, StripeKey: key}
}
