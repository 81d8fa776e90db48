package payouts

type Client struct {
	base string
}
