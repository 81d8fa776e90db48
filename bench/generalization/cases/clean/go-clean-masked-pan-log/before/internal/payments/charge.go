package payments

type ChargeRequest struct {
	OrderID    string
	CardNumber string
}
