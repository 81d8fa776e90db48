package events

import "net/http"

type Publisher struct {
	client *http.Client
	url    string
}
