package auth

import (
	"context"

	"github.com/acme/identity/internal/otp"
)

type Mailer interface {
	Send(ctx context.Context, to, subject, body string) error
}

type CodeStore interface {
	Put(ctx context.Context, email, code string) error
}

func SendLoginCode(ctx context.Context, m Mailer, s CodeStore, email string) error {
	code := otp.Code()
	if err := s.Put(ctx, email, code); err != nil {
		return err
	}
	return m.Send(ctx, email, "Your login code", "Your code is "+code)
}
