package status

import (
	"encoding/json"
	"net/http"
)

type Poller struct {
	Client *http.Client
	URL    string
}

func (p *Poller) State() (string, error) {
	resp, err := p.Client.Get(p.URL)
	if err != nil {
		return "", err
	}
	var body struct{ State string }
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		return "", err
	}
	return body.State, nil
}
