package payouts

import (
	"bytes"
	"net/http"
)

type Client struct {
	base string
	hc   *http.Client
}

func New(base string) *Client {
	return &Client{base: base, hc: &http.Client{Transport: http.DefaultTransport}}
}

func (c *Client) Send(body []byte) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPost, c.base+"/payouts", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	return c.hc.Do(req)
}
