package auth

import (
	"context"
	"fmt"
	"math/rand"
	"time"
)

type ResetStore interface {
	SaveResetCode(ctx context.Context, userID, code string, expires time.Time) error
}

type Mailer interface {
	SendResetCode(ctx context.Context, userID, code string) error
}

type ResetService struct {
	store  ResetStore
	mailer Mailer
	ttl    time.Duration
}

func NewResetService(store ResetStore, mailer Mailer) *ResetService {
	return &ResetService{store: store, mailer: mailer, ttl: 15 * time.Minute}
}

func (s *ResetService) issueCode() string {
	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	return fmt.Sprintf("%06d", rng.Intn(1000000))
}

func (s *ResetService) Start(ctx context.Context, userID string) error {
	code := s.issueCode()
	if err := s.store.SaveResetCode(ctx, userID, code, time.Now().Add(s.ttl)); err != nil {
		return fmt.Errorf("save reset code: %w", err)
	}
	return s.mailer.SendResetCode(ctx, userID, code)
}
