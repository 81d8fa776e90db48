package notify

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"time"
)

type Sender struct {
	URL    string
	client *http.Client
}

func NewSender(url string) *Sender {
	return &Sender{URL: url, client: &http.Client{Timeout: 10 * time.Second}}
}

func (s *Sender) send(ctx context.Context, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.URL, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := s.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("notify: endpoint answered %d", resp.StatusCode)
	}
	return nil
}

const (
	maxAttempts  = 5
	initialDelay = 200 * time.Millisecond
	maxDelay     = 5 * time.Second
)

// Send retries transient failures with capped exponential backoff and gives up when
// the context ends.
func (s *Sender) Send(ctx context.Context, body []byte) error {
	delay := initialDelay
	var err error
	for attempt := 1; attempt <= maxAttempts; attempt++ {
		if err = s.send(ctx, body); err == nil {
			return nil
		}
		if attempt == maxAttempts {
			break
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("notify: giving up after %d attempts: %w", attempt, ctx.Err())
		case <-time.After(delay):
		}
		delay *= 2
		if delay > maxDelay {
			delay = maxDelay
		}
	}
	return fmt.Errorf("notify: %d attempts failed: %w", maxAttempts, err)
}
