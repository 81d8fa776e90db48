package auth

import (
	"fmt"
	"log"
	"log/slog"

	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
	"golang.org/x/oauth2"
)

func Refresh(logger *zap.Logger, tok *oauth2.Token, apiKey string, password string) {
	// ruleid: pci-credential-logged-go
	slog.Info("token refreshed", "expires_in", tok.Expiry, "access_token", tok.AccessToken)
	// ruleid: pci-credential-logged-go
	log.Printf("calling acquirer with key %s", apiKey)
	// ruleid: pci-credential-logged-go
	logger.Info("refreshed", zap.String("refresh_token", tok.RefreshToken))
	// ruleid: pci-credential-logged-go
	logrus.WithFields(logrus.Fields{"user": "u", "password": password}).Info("login")
	// ruleid: pci-credential-logged-go
	logger.Sugar().Infow("login", "user", "u", "secret", password)

	// ok: pci-credential-logged-go
	slog.Info("token refreshed", "expires_in", tok.Expiry, "token_type", tok.TokenType)
	// ok: pci-credential-logged-go
	log.Printf("api key set: %v", apiKey != "")
	// ok: pci-credential-logged-go
	log.Printf("api key length %d", len(apiKey))
	// ok: pci-credential-logged-go
	slog.Info("password changed", "user_id", 42)
	// ok: pci-credential-logged-go
	logger.Info("refreshed", zap.Bool("has_refresh_token", tok.RefreshToken != ""))
}

const (
	RefreshTokenLifetimeStandalone = "standalone"
	RefreshTokenLifetimeSession    = "session"
)

func ValidateRefreshTokenLifetime(lifetime string) error {
	switch lifetime {
	case "", RefreshTokenLifetimeStandalone, RefreshTokenLifetimeSession:
		return nil
	}
	// ok: pci-credential-logged-go
	return fmt.Errorf("invalid refresh token lifetime %q: want %q or %q",
		lifetime, RefreshTokenLifetimeStandalone, RefreshTokenLifetimeSession)
}

func RejectToken(token string) {
	// ruleid: pci-credential-logged-go
	log.Printf("rejected token %s", token)
}
