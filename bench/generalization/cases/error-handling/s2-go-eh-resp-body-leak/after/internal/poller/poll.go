package poller

import (
	"context"
	"net/http"
	"time"
)

type Poller struct {
	Client *http.Client
	URL    string
}

func (p *Poller) Healthy(ctx context.Context) bool {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, p.URL, nil)
	if err != nil {
		return false
	}
	resp, err := p.Client.Do(req)
	if err != nil {
		return false
	}
	return resp.StatusCode == http.StatusOK
}

func (p *Poller) Run(ctx context.Context, every time.Duration, report func(bool)) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			report(p.Healthy(ctx))
		}
	}
}
