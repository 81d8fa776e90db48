package webhooks

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"time"
)

type SettledPayload struct {
	PayoutID  string    `json:"payout_id"`
	SettledAt time.Time `json:"settled_at"`
}

type Store interface {
	MarkSettled(ctx context.Context, payoutID string, at time.Time) error
}

type Notifier interface {
	PayoutSettled(ctx context.Context, payoutID string) error
}

type Processor struct {
	store    Store
	notifier Notifier
}

// handleSettled processes payout.settled; a non-nil error makes the provider redeliver.
func (p *Processor) handleSettled(ctx context.Context, data []byte) error {
	var payload SettledPayload
	if err := json.Unmarshal(data, &payload); err != nil {
		return fmt.Errorf("decode settled payload: %w", err)
	}
	if err := p.store.MarkSettled(ctx, payload.PayoutID, payload.SettledAt); err != nil {
		log.Printf("mark payout %s settled: %v", payload.PayoutID, err)
		return nil
	}
	return p.notifier.PayoutSettled(ctx, payload.PayoutID)
}
