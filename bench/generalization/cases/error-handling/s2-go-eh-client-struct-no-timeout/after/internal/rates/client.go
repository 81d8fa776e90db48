package rates

import (
	"encoding/json"
	"fmt"
	"net/http"
)

var rateClient = &http.Client{
	Transport: &http.Transport{MaxIdleConns: 20, MaxIdleConnsPerHost: 10},
}

func Lookup(from, to string) (float64, error) {
	resp, err := rateClient.Get(fmt.Sprintf("https://fx.partner.example/v2/rates?from=%s&to=%s", from, to))
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	var out struct {
		Rate float64 `json:"rate"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return 0, err
	}
	return out.Rate, nil
}
