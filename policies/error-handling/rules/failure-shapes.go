package shapes

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

type API struct{ hc *http.Client }

func NewAPI() *API {
	// ruleid: eh-go-http-client-no-timeout
	return &API{hc: &http.Client{}}
}

// ruleid: eh-go-http-client-no-timeout
var shared = http.Client{Transport: http.DefaultTransport}

// ok: eh-go-http-client-no-timeout
var bounded = &http.Client{Timeout: 5 * time.Second}

// Test helpers: a client on an in-process transport or built for a test has no remote
// peer that could hang.

// ok: eh-go-http-client-no-timeout
var recorded = &http.Client{Transport: newRecordingTransport()}

func NewBrowser(t testing.TB) *http.Client {
	// ok: eh-go-http-client-no-timeout
	return &http.Client{Jar: newJar(t), Transport: http.DefaultTransport.(*http.Transport).Clone()}
}

func withServer(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	// ok: eh-go-http-client-no-timeout
	browser := &http.Client{Transport: srv.Client().Transport}
	_ = browser
}

// ok: eh-go-http-client-no-timeout
var viaFake = http.Client{Transport: &fakeRoundTripper{}}

// A production client with a real transport is still reported.
// ruleid: eh-go-http-client-no-timeout
var pooled = &http.Client{Transport: &http.Transport{MaxIdleConns: 100}}

func later() *http.Client {
	// ok: eh-go-http-client-no-timeout
	c := &http.Client{}
	c.Timeout = 3 * time.Second
	return c
}

func (a *API) Status(url string) (string, error) {
	r, err := a.hc.Get(url)
	if err != nil {
		return "", err
	}
	// ruleid: eh-go-response-body-not-closed
	b, err := io.ReadAll(r.Body)
	return string(b), err
}

func Head(url string) int {
	resp, err := shared.Head(url)
	if err != nil {
		return 0
	}
	// ruleid: eh-go-response-body-not-closed
	io.Copy(io.Discard, resp.Body)
	return resp.StatusCode
}

func (a *API) Closed(url string) ([]byte, error) {
	resp, err := a.hc.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	// ok: eh-go-response-body-not-closed
	return io.ReadAll(resp.Body)
}

func (a *API) ClosedLater(url string) ([]byte, error) {
	resp, err := bounded.Get(url)
	if err != nil {
		return nil, err
	}
	// ok: eh-go-response-body-not-closed
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	return b, err
}

type Charger interface{ Charge(id string) error }

func Capture(w http.ResponseWriter, c Charger, id string) {
	// ruleid: eh-go-error-reports-success
	if err := c.Charge(id); err != nil {
		w.WriteHeader(http.StatusOK)
		return
	}
	w.WriteHeader(http.StatusCreated)
}

func reply(w http.ResponseWriter, code int, v any) { w.WriteHeader(code); json.NewEncoder(w).Encode(v) }

func Void(w http.ResponseWriter, c Charger, id string) {
	err := c.Charge(id)
	// ruleid: eh-go-error-reports-success
	if err != nil {
		reply(w, http.StatusOK, map[string]bool{"voided": true})
		return
	}
}

func CaptureOK(w http.ResponseWriter, c Charger, id string) {
	// ok: eh-go-error-reports-success
	if err := c.Charge(id); err != nil {
		http.Error(w, "capture failed", http.StatusBadGateway)
		return
	}
	reply(w, http.StatusOK, map[string]bool{"captured": true})
}

func CaptureOK2(w http.ResponseWriter, c Charger, id string) {
	err := c.Charge(id)
	// ok: eh-go-error-reports-success
	if err != nil {
		reply(w, http.StatusBadGateway, map[string]string{"error": "capture failed"})
	}
}

func Send(c Charger, id string) error {
	var err error
	// ruleid: eh-go-retry-no-backoff
	for attempt := 0; attempt < 3; attempt++ {
		err = c.Charge(id)
		if err == nil {
			return nil
		}
	}
	return err
}

func Poll(c Charger, id string) {
	// ruleid: eh-go-retry-no-backoff
	for {
		if err := c.Charge(id); err == nil {
			break
		}
	}
}

func SendBackoff(c Charger, id string) error {
	var err error
	// ok: eh-go-retry-no-backoff
	for attempt := 0; attempt < 3; attempt++ {
		err = c.Charge(id)
		if err == nil {
			return nil
		}
		time.Sleep(time.Duration(1<<attempt) * 100 * time.Millisecond)
	}
	return err
}

func ImportAll(ctx context.Context, paths <-chan string, load func(string) error) error {
	// ok: eh-go-retry-no-backoff
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case path, ok := <-paths:
			if !ok {
				return nil
			}
			if err := load(path); err == nil {
				continue
			}
			return fmt.Errorf("loading %s failed", path)
		}
	}
}

func Drain(jobs chan string, run func(string) error) {
	// ok: eh-go-retry-no-backoff
	for {
		job, ok := <-jobs
		if !ok {
			return
		}
		if err := run(job); err == nil {
			continue
		}
	}
}

func SettleChain(head *Node, settle func(*Node) error) int {
	failed := 0
	// ok: eh-go-retry-no-backoff
	for {
		if head == nil {
			break
		}
		if err := settle(head); err == nil {
			failed += 0
		} else {
			failed++
		}
		head = head.next
	}
	return failed
}

func Sum(xs []int) int {
	total := 0
	// ok: eh-go-retry-no-backoff
	for i := 0; i < len(xs); i++ {
		total += xs[i]
	}
	return total
}
