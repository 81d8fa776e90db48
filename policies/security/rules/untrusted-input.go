package files

import (
	"net/url"
	"context"
	"net/http"
	"os"
	"path/filepath"
)

var proxy = &http.Client{}

func Download(w http.ResponseWriter, r *http.Request) {
	p := filepath.Join("/srv/exports", r.URL.Query().Get("name"))
	// ruleid: sec-path-traversal-go
	data, _ := os.ReadFile(p)
	w.Write(data)
}

func Serve(w http.ResponseWriter, r *http.Request) {
	// ruleid: sec-path-traversal-go
	http.ServeFile(w, r, "/srv/public/"+r.PathValue("file"))
}

func DownloadSafe(w http.ResponseWriter, r *http.Request) {
	p := filepath.Join("/srv/exports", filepath.Base(r.FormValue("name")))
	// ok: sec-path-traversal-go
	data, _ := os.ReadFile(p)
	w.Write(data)
}

func Fixed(w http.ResponseWriter, r *http.Request) {
	// ok: sec-path-traversal-go
	f, _ := os.Open("/srv/exports/latest.csv")
	defer f.Close()
}

func Preview(w http.ResponseWriter, r *http.Request) {
	link := r.FormValue("link")
	// ruleid: sec-ssrf-go
	resp, err := proxy.Get(link)
	if err == nil {
		resp.Body.Close()
	}
}

func Ping(w http.ResponseWriter, r *http.Request) {
	// ruleid: sec-ssrf-go
	req, _ := http.NewRequestWithContext(r.Context(), http.MethodGet, "http://"+r.Header.Get("X-Host")+"/health", nil)
	proxy.Do(req)
}

func Status(w http.ResponseWriter, r *http.Request) {
	// ok: sec-ssrf-go
	resp, err := proxy.Get("https://status.example.com/api?id=" + "1")
	if err == nil {
		resp.Body.Close()
	}
}

func Lookup(w http.ResponseWriter, r *http.Request) {
	// ok: sec-ssrf-go
	v := r.URL.Query().Get("v")
	w.Write([]byte(v))
}

func Thumbnail(w http.ResponseWriter, r *http.Request) {
	// ruleid: sec-ssrf-go
	resp, err := fetchImage(r.Context(), r.FormValue("src"))
	if err != nil {
		http.Error(w, "unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	// ok: sec-ssrf-go
	n := measure(r.FormValue("src"))
	w.WriteHeader(n)
}

func measure(s string) int { return len(s) }

func fetchImage(ctx context.Context, src string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, src, nil)
	if err != nil {
		return nil, err
	}
	return proxy.Do(req)
}

func Accept(w http.ResponseWriter, r *http.Request) {
	u := "https://auth.internal.example/accept?challenge=" + url.QueryEscape(r.FormValue("challenge"))
	// ok: sec-ssrf-go
	resp, err := proxy.Post(u, "application/json", nil)
	if err == nil {
		resp.Body.Close()
	}
	_ = r.ParseForm()
	values := url.Values{}
	for k := range r.Form {
		// ok: sec-ssrf-go
		values.Set(k, r.Form.Get(k))
	}
}
