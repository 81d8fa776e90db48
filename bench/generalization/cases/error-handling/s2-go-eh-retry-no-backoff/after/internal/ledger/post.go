package ledger

import (
	"context"
	"fmt"
)

type Poster interface {
	Post(ctx context.Context, entry Entry) error
}

type Entry struct {
	Account     string
	AmountMinor int64
}

const maxAttempts = 3

func PostWithRetry(ctx context.Context, p Poster, e Entry) error {
	var err error
	for i := 0; i < maxAttempts; i++ {
		if err = p.Post(ctx, e); err == nil {
			return nil
		}
	}
	return fmt.Errorf("post ledger entry after %d attempts: %w", maxAttempts, err)
}
