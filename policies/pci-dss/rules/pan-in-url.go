package issuer

import (
	"net/http"
	"net/url"
	"strings"
)

func Lookup(card Card) (*http.Response, error) {
	// ruleid: pci-pan-in-url
	return http.Get("https://issuer.example.com/cards?pan=" + card.PAN)
}

func LookupQuery(card Card) string {
	// ruleid: pci-pan-in-url
	return "https://issuer.example.com/cards?pan=" + url.QueryEscape(card.CardNumber)
}

func LookupSafe(card Card) (*http.Response, error) {
	// ok: pci-pan-in-url
	return http.Post("https://issuer.example.com/cards", "text/plain", strings.NewReader(card.CardNumber))
}

func LookupToken(card Card) (*http.Response, error) {
	// ok: pci-pan-in-url
	return http.Get("https://issuer.example.com/cards/" + card.CardToken)
}
