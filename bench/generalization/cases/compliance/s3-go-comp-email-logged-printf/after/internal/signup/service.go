package signup

import (
	"context"
	"log"
)

type Service struct {
	users  UserStore
	mailer Mailer
}

func (s *Service) Register(ctx context.Context, in Input) (string, error) {
	id, err := s.users.Create(ctx, in.Email, in.PasswordHash)
	if err != nil {
		log.Printf("signup: create user %s failed: %v", in.Email, err)
		return "", err
	}
	if err := s.mailer.SendWelcome(ctx, in.Email); err != nil {
		log.Printf("signup: welcome mail to %s (user %s) failed: %v", in.Email, id, err)
	}
	return id, nil
}
