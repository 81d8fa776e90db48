package payments

import (
	"log"
	"strings"
)

type ChargeRequest struct {
	OrderID    string
	CardNumber string
}

func maskPAN(pan string) string {
	if len(pan) < 4 {
		return "****"
	}
	return strings.Repeat("*", 12) + pan[len(pan)-4:]
}

func Charge(req ChargeRequest) error {
	log.Printf("charging order=%s card=%s", req.OrderID, maskPAN(req.CardNumber))
	return nil
}
