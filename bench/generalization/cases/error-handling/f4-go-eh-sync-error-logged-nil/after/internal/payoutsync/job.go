package payoutsync

import (
	"context"
	"log"
	"time"
)

type Provider interface {
	Payouts(ctx context.Context, since time.Time) ([]string, error)
}

type Store interface {
	Upsert(ctx context.Context, ids []string) error
	SetCursor(ctx context.Context, t time.Time) error
}

type Job struct {
	P Provider
	S Store
}

func (j *Job) Run(ctx context.Context, since time.Time) error {
	started := time.Now()
	ids, err := j.P.Payouts(ctx, since)
	if err != nil {
		log.Printf("payout sync: provider error: %v", err)
		return nil
	}
	if err := j.S.Upsert(ctx, ids); err != nil {
		log.Printf("payout sync: store error: %v", err)
		return nil
	}
	return j.S.SetCursor(ctx, started)
}
