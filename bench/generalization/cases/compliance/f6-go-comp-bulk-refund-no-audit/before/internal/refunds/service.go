package refunds

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/acme/payments/internal/audit"
	"github.com/acme/payments/internal/ledger"
)

type Request struct {
	PaymentID   string
	AmountMinor int64
	ActorID     string
	Reason      string
}

type Service struct {
	db     *sql.DB
	ledger *ledger.Poster
	audit  *audit.Recorder
}

func (s *Service) Refund(ctx context.Context, req Request) (string, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return "", fmt.Errorf("begin refund: %w", err)
	}
	defer tx.Rollback()
	refundID, err := s.ledger.PostRefund(ctx, tx, req.PaymentID, req.AmountMinor)
	if err != nil {
		return "", fmt.Errorf("post refund: %w", err)
	}
	event := audit.Event{Type: "refund.created", Actor: req.ActorID, Subject: req.PaymentID, AmountMinor: req.AmountMinor, Reason: req.Reason}
	if err := s.audit.Record(ctx, tx, event); err != nil {
		return "", fmt.Errorf("audit refund: %w", err)
	}
	return refundID, tx.Commit()
}
