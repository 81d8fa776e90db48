package ledger

import (
	"context"
	"fmt"
	"time"
)

type Poster interface {
	Post(ctx context.Context, entry Entry) error
}

type Entry struct {
	Account     string
	AmountMinor int64
}

const maxAttempts = 4

func PostWithRetry(ctx context.Context, p Poster, e Entry) error {
	delay := 200 * time.Millisecond
	var err error
	for i := 0; i < maxAttempts; i++ {
		if err = p.Post(ctx, e); err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(delay):
		}
		delay *= 2
	}
	return fmt.Errorf("post ledger entry after %d attempts: %w", maxAttempts, err)
}
