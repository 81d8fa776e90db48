package events

import (
	"context"
	"encoding/json"

	"github.com/segmentio/kafka-go"
)

type AuthRequest struct {
	OrderID    string
	AmountMin  int64
	CardNumber string
	Expiry     string
}

type authorized struct {
	OrderID   string `json:"order_id"`
	AmountMin int64  `json:"amount_minor"`
	PAN       string `json:"pan"`
	Expiry    string `json:"expiry"`
}

type Publisher struct {
	W *kafka.Writer
}

func (p *Publisher) Authorized(ctx context.Context, req AuthRequest) error {
	body, err := json.Marshal(authorized{
		OrderID:   req.OrderID,
		AmountMin: req.AmountMin,
		PAN:       req.CardNumber,
		Expiry:    req.Expiry,
	})
	if err != nil {
		return err
	}
	return p.W.WriteMessages(ctx, kafka.Message{Key: []byte(req.OrderID), Value: body})
}
