package notify

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
)

const partnerURL = "https://hooks.partner.example/v1/events"

func Send(event map[string]any) error {
	body, err := json.Marshal(event)
	if err != nil {
		return err
	}
	resp, err := http.Post(partnerURL, "application/json", bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("notify partner: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("notify partner: status %d", resp.StatusCode)
	}
	return nil
}
