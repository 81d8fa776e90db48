package payouts

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"time"
)

type Notifier struct {
	endpoint string
	http     *http.Client
	log      *slog.Logger
}

func NewNotifier(endpoint string, logger *slog.Logger) *Notifier {
	return &Notifier{endpoint: endpoint, http: &http.Client{Timeout: 10 * time.Second}, log: logger}
}

func (n *Notifier) PayoutSettled(ctx context.Context, payoutID string) error {
	body, err := json.Marshal(map[string]string{"payout_id": payoutID, "event": "payout.settled"})
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, n.endpoint, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := n.http.Do(req)
	if err != nil {
		n.log.Warn("payout notification failed", "payout_id", payoutID, "err", err)
		return fmt.Errorf("notify payout %s: %w", payoutID, err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	if resp.StatusCode >= 300 {
		return fmt.Errorf("notify payout %s: status %d", payoutID, resp.StatusCode)
	}
	return nil
}
