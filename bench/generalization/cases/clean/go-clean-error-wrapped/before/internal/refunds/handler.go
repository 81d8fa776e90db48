package refunds

type Gateway interface {
	Refund(id string) error
}
