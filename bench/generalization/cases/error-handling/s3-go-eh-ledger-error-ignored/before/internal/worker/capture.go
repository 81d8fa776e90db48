package worker

import (
	"context"
	"fmt"
)

type Worker struct {
	gateway Gateway
	ledger  Ledger
	queue   Queue
}

func (w *Worker) Handle(ctx context.Context, msg Message) error {
	res, err := w.gateway.Capture(ctx, msg.PaymentID, msg.Amount)
	if err != nil {
		return fmt.Errorf("capture %s: %w", msg.PaymentID, err)
	}
	return w.queue.Ack(ctx, msg.ID)
}
