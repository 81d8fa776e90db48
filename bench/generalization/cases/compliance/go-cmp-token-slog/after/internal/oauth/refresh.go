package oauth

import (
	"context"
	"log/slog"
)

type Token struct {
	AccessToken  string
	RefreshToken string
	ExpiresIn    int
}

func Refresh(ctx context.Context, src func(context.Context) (Token, error)) (Token, error) {
	tok, err := src(ctx)
	if err != nil {
		return Token{}, err
	}
	slog.Info("token refreshed", "expires_in", tok.ExpiresIn, "access_token", tok.AccessToken)
	return tok, nil
}
