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

func (s *Sender) Send(ctx context.Context, body []byte) error {
	return s.send(ctx, body)
}
