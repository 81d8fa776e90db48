package avatar

import (
	"io"
	"net/http"
	"time"
)

var fetcher = &http.Client{Timeout: 10 * time.Second}

func download(src string) (*http.Response, error) {
	return fetcher.Get(src)
}

// Proxy streams a remote avatar so the dashboard does not hotlink third-party hosts.
func Proxy(w http.ResponseWriter, r *http.Request) {
	resp, err := download(r.URL.Query().Get("src"))
	if err != nil {
		http.Error(w, "avatar unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.Header().Set("Content-Type", resp.Header.Get("Content-Type"))
	io.Copy(w, resp.Body)
}
