package payments

import "log"

type ChargeRequest struct {
	OrderID    string
	Amount     int64
	CardNumber string
	Expiry     string
}

func Charge(req ChargeRequest) error {
	log.Printf("charging order=%s amount=%d", req.OrderID, req.Amount)
	return nil
}
