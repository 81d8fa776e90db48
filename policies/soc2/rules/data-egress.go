package partner

import "net/http"

func Rates(apiKey string) (*http.Response, error) {
	// ruleid: soc2-cc6.6-cred-in-url
	return http.Get("https://partner.example.com/rates?api_key=" + apiKey)
}

func RatesHeader(apiKey string) (*http.Response, error) {
	// ok: soc2-cc6.6-cred-in-url
	req, _ := http.NewRequest("GET", "https://partner.example.com/rates", nil)
	req.Header.Set("Authorization", "Bearer "+apiKey)
	return http.DefaultClient.Do(req)
}
