package hooks

import (
	"io"
	"net/http"
	"time"
)

var fetcher = &http.Client{Timeout: 5 * time.Second}

func TestHook(w http.ResponseWriter, r *http.Request) {
	target := r.FormValue("url")
	resp, err := fetcher.Get(target)
	if err != nil {
		http.Error(w, "unreachable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	io.Copy(w, io.LimitReader(resp.Body, 4096))
}
