package events

import (
	"bytes"
	"net/http"
)

type Publisher struct {
	client *http.Client
	url    string
}

func (p *Publisher) Publish(body []byte) error {
	var err error
	for i := 0; i < 5; i++ {
		var resp *http.Response
		resp, err = p.client.Post(p.url, "application/json", bytes.NewReader(body))
		if err == nil {
			resp.Body.Close()
			return nil
		}
	}
	return err
}
