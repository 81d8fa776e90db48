package reset

import (
	"context"
	"time"
)

type Store interface {
	SaveResetCode(ctx context.Context, userID, code string, expires time.Time) error
}

type Mailer interface {
	SendResetCode(ctx context.Context, email, code string) error
}

type Service struct {
	Store  Store
	Mailer Mailer
	TTL    time.Duration
}
