package partner

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"time"
)

var client = &http.Client{Timeout: 10 * time.Second}

type Checker struct {
	HTTP *http.Client
	Base string
}

func Notify(body []byte) error {
	// ruleid: eh-go-default-client-no-timeout
	resp, err := http.Post("https://hooks.example.com/v1", "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return nil
}

func Subscribe(email string) error {
	// ruleid: eh-go-default-client-no-timeout
	resp, err := http.PostForm("https://lists.example.com/subscribe", url.Values{"email": {email}})
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func Ping(u string) error {
	req, _ := http.NewRequest(http.MethodHead, u, nil)
	// ruleid: eh-go-default-client-no-timeout
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func PingCtx(ctx context.Context, u string) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, u, nil)
	if err != nil {
		return err
	}
	// ok: eh-go-default-client-no-timeout
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func Fetch(u string) ([]byte, error) {
	// ok: eh-go-default-client-no-timeout
	resp, err := client.Get(u)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

func (c *Checker) Up(ctx context.Context) bool {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.Base+"/health", nil)
	if err != nil {
		return false
	}
	// ruleid: eh-go-response-body-never-closed
	res, err := c.HTTP.Do(req)
	if err != nil {
		return false
	}
	return res.StatusCode < 300
}

func (c *Checker) Exists(path string) (bool, error) {
	// ruleid: eh-go-response-body-never-closed
	r, err := c.HTTP.Head(c.Base + path)
	if err != nil {
		return false, err
	}
	switch r.StatusCode {
	case http.StatusOK:
		return true, nil
	default:
		return false, nil
	}
}

func (c *Checker) UpDrained(ctx context.Context) bool {
	// ok: eh-go-response-body-never-closed
	resp, err := c.HTTP.Get(c.Base + "/health")
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, resp.Body)
	return resp.StatusCode == http.StatusOK
}

func (c *Checker) Raw() (*http.Response, error) {
	// ok: eh-go-response-body-never-closed
	resp, err := c.HTTP.Get(c.Base + "/raw")
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, io.ErrUnexpectedEOF
	}
	return resp, nil
}

type cache interface {
	Get(key string) (string, error)
}

func Lookup(kv cache, key string) (string, error) {
	// ok: eh-go-response-body-never-closed
	v, err := kv.Get(key)
	if err != nil {
		return "", err
	}
	return v, nil
}
