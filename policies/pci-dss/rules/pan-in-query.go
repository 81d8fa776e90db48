package acquirer

import "net/url"

func lookupURL(base *url.URL, cardNumber, token string) string {
	q := base.Query()
	// ruleid: pci-pan-in-query-go
	q.Set("pan", cardNumber)
	// ok: pci-pan-in-query-go
	q.Set("token", token)
	base.RawQuery = q.Encode()
	v := url.Values{}
	// ruleid: pci-pan-in-query-go
	v.Add("card", cardNumber)
	// ok: pci-pan-in-query-go
	v.Add("last4", cardNumber[len(cardNumber)-4:])
	return base.String() + v.Encode()
}
