package events

import (
	"context"
	"encoding/json"

	"github.com/IBM/sarama"
	"github.com/nats-io/nats.go"
	"github.com/segmentio/kafka-go"
)

type Charge struct {
	ID         string
	CardNumber string
	Last4      string
	Amount     int64
}

type chargeEvent struct {
	ID     string `json:"id"`
	Card   string `json:"card"`
	Amount int64  `json:"amount"`
}

func PublishCharge(ctx context.Context, w *kafka.Writer, c Charge) error {
	// ruleid: pci-pan-queued-go
	body, err := json.Marshal(chargeEvent{ID: c.ID, Card: c.CardNumber, Amount: c.Amount})
	if err != nil {
		return err
	}
	// ruleid: pci-pan-queued-go
	return w.WriteMessages(ctx, kafka.Message{Key: []byte(c.ID), Value: body})
}

func PublishNats(nc *nats.Conn, pan string) error {
	// ruleid: pci-pan-queued-go
	return nc.Publish("cards.seen", []byte(pan))
}

func PublishSarama(p sarama.SyncProducer, c Charge) error {
	msg := &sarama.ProducerMessage{Topic: "charges", Value: sarama.StringEncoder(c.CardNumber)}
	// ruleid: pci-pan-queued-go
	_, _, err := p.SendMessage(msg)
	return err
}

func PublishMasked(ctx context.Context, w *kafka.Writer, c Charge) error {
	body, err := json.Marshal(chargeEvent{ID: c.ID, Card: maskPAN(c.CardNumber), Amount: c.Amount})
	if err != nil {
		return err
	}
	// ok: pci-pan-queued-go
	return w.WriteMessages(ctx, kafka.Message{Key: []byte(c.ID), Value: body})
}

func PublishLast4(nc *nats.Conn, c Charge) error {
	// ok: pci-pan-queued-go
	return nc.Publish("cards.seen", []byte(c.Last4))
}

func maskPAN(p string) string { return "****" + p[len(p)-4:] }
