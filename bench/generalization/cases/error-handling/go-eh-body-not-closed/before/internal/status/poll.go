package status

import "net/http"

type Poller struct {
	Client *http.Client
	URL    string
}
