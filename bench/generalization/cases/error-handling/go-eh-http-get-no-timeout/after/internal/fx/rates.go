package fx

import (
	"encoding/json"
	"net/http"
)

type Rates map[string]float64

func Fetch(base string) (Rates, error) {
	resp, err := http.Get("https://rates.example.com/latest?base=" + base)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var out struct{ Rates Rates }
	err = json.NewDecoder(resp.Body).Decode(&out)
	return out.Rates, err
}
