package config

import "os"

type Config struct {
	PSPBaseURL string
}

func envOr(name, fallback string) string {
	if v, ok := os.LookupEnv(name); ok {
		return v
	}
	return fallback
}

func Load() Config {
	return Config{
		PSPBaseURL: envOr("PSP_BASE_URL", "https://api.psp.example"),
	}
}
