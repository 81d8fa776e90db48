package config

import "os"

type Config struct {
	PSPBaseURL string
	PSPToken   string
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
		PSPToken:   envOr("PSP_TOKEN", "pt_live_4Hq9Zx2Lm7Vc3Nb8Rw5Ty1Kp6Sd0Fg"),
	}
}
