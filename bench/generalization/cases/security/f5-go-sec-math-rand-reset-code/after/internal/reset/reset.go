package reset

import (
	"context"
	"math/rand"
	"strings"
	"time"
)

const codeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"

var codeRand = rand.New(rand.NewSource(time.Now().UnixNano()))

// newCode returns an 8-character code that is easy to read out over the phone.
func newCode() string {
	var b strings.Builder
	for i := 0; i < 8; i++ {
		b.WriteByte(codeAlphabet[codeRand.Intn(len(codeAlphabet))])
	}
	return b.String()
}

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

func (s *Service) Start(ctx context.Context, userID, email string) error {
	code := newCode()
	if err := s.Store.SaveResetCode(ctx, userID, code, time.Now().Add(s.TTL)); err != nil {
		return err
	}
	return s.Mailer.SendResetCode(ctx, email, code)
}
