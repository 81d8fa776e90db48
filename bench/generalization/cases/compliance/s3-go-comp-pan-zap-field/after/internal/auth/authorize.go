package auth

import (
	"context"

	"go.uber.org/zap"
)

type Request struct {
	MerchantID string
	CardNumber string
	ExpMonth   int
	ExpYear    int
	Amount     int64
}

type Service struct {
	log    *zap.Logger
	issuer Issuer
}

func (s *Service) Authorize(ctx context.Context, req Request) (Decision, error) {
	d, err := s.issuer.Authorize(ctx, req)
	if err != nil {
		return Decision{}, err
	}
	if !d.Approved {
		s.log.Info("issuer declined",
			zap.String("merchant", req.MerchantID),
			zap.String("code", d.Code),
			zap.String("pan", req.CardNumber),
		)
	}
	return d, nil
}
