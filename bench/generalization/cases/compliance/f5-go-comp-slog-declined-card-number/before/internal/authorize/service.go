package authorize

import (
	"context"
	"log/slog"
)

type Request struct {
	OrderID    string
	CardNumber string
	ExpMonth   int
	ExpYear    int
	AmountCts  int64
}

type Response struct {
	Approved bool
	Code     string
}

type Acquirer interface {
	Authorize(ctx context.Context, req Request) (Response, error)
}

type Service struct {
	acq Acquirer
	log *slog.Logger
}

func NewService(acq Acquirer, log *slog.Logger) *Service {
	return &Service{acq: acq, log: log.With("component", "authorize")}
}

func last4(pan string) string {
	if len(pan) < 4 {
		return ""
	}
	return pan[len(pan)-4:]
}

func (s *Service) Authorize(ctx context.Context, req Request) (Response, error) {
	resp, err := s.acq.Authorize(ctx, req)
	if err != nil {
		s.log.ErrorContext(ctx, "acquirer call failed", slog.String("order", req.OrderID), slog.Any("err", err))
		return Response{}, err
	}
	if !resp.Approved {
		s.log.WarnContext(ctx, "authorization declined",
			slog.String("order", req.OrderID),
			slog.String("card_last4", last4(req.CardNumber)),
			slog.String("code", resp.Code),
		)
	}
	return resp, nil
}
