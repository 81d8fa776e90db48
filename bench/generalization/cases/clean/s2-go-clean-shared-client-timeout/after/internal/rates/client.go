package rates

import (
	"encoding/json"
	"net/http"
	"net/url"
	"time"
)

var httpClient = &http.Client{Timeout: 8 * time.Second}

func getJSON(u string, out any) error {
	resp, err := httpClient.Get(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(out)
}

func Lookup(from, to string) (float64, error) {
	q := url.Values{"from": {from}, "to": {to}}
	var out struct {
		Rate float64 `json:"rate"`
	}
	if err := getJSON("https://fx.partner.example/v2/rates?"+q.Encode(), &out); err != nil {
		return 0, err
	}
	return out.Rate, nil
}
