package shapes

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"html/template"
	"io"
	"math/rand"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"
)

var rng = rand.New(rand.NewSource(time.Now().UnixNano()))

// LoginCode returns a six-digit one-time code.
func LoginCode() string {
	// ruleid: sec-weak-random-secret-go
	return fmt.Sprintf("%06d", rng.Intn(1000000))
}

const letters = "abcdefghijklmnopqrstuvwxyz0123456789"

func newResetToken(n int) string {
	b := make([]byte, n)
	for i := range b {
		// ruleid: sec-weak-random-secret-go
		b[i] = letters[rand.Intn(len(letters))]
	}
	return string(b)
}

func issue(w http.ResponseWriter) {
	// ruleid: sec-weak-random-secret-go
	verifyCode := rand.Int63n(900000) + 100000
	fmt.Fprintf(w, "%d", verifyCode)
}

func retryDelay(attempt int) time.Duration {
	base := time.Duration(1<<attempt) * 100 * time.Millisecond
	// ok: sec-weak-random-secret-go
	return base + time.Duration(rand.Int63n(int64(base)))
}

func pickReplica(replicas []string) string {
	// ok: sec-weak-random-secret-go
	return replicas[rand.Intn(len(replicas))]
}

func backoffKey(attempt int) time.Duration {
	// ok: sec-weak-random-secret-go
	return time.Duration(rand.Intn(attempt+1)) * time.Second
}

type Review struct {
	Author  string
	Comment string
}

type reviewView struct {
	Author  string
	Comment template.HTML
}

func reviews(w http.ResponseWriter, r *http.Request, list []Review, page *template.Template) {
	views := make([]reviewView, 0, len(list))
	for _, rv := range list {
		// ruleid: sec-xss-template-cast-go
		views = append(views, reviewView{Author: rv.Author, Comment: template.HTML(rv.Comment)})
	}
	// ruleid: sec-xss-template-cast-go
	back := template.URL(r.URL.Query().Get("back"))
	_ = back
	_ = page.Execute(w, views)
}

const footer = "<footer>acme</footer>"

func layout(sub *template.Template, data any, name string) (template.HTML, template.URL, error) {
	var buf bytes.Buffer
	if err := sub.Execute(&buf, data); err != nil {
		return "", "", err
	}
	u := url.URL{Scheme: "https", Host: "example.com", Path: "/u/" + name}
	// ok: sec-xss-template-cast-go
	_ = template.HTML("<hr>")
	// ok: sec-xss-template-cast-go
	_ = template.HTML(footer)
	// ok: sec-xss-template-cast-go
	_ = template.HTML(template.HTMLEscapeString(name))
	// ok: sec-xss-template-cast-go
	return template.HTML(buf.String()), template.URL(u.String()), nil
}

func Unpack(archive, dest string) error {
	zr, err := zip.OpenReader(archive)
	if err != nil {
		return err
	}
	defer zr.Close()
	for _, f := range zr.File {
		// ruleid: sec-zip-slip-go
		target := filepath.Join(dest, f.Name)
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
	}
	return nil
}

func untar(r io.Reader, dest string) error {
	tr := tar.NewReader(r)
	for {
		hdr, err := tr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		// ruleid: sec-zip-slip-go
		out, err := os.Create(dest + "/" + hdr.Name)
		if err != nil {
			return err
		}
		_, _ = io.Copy(out, tr)
		out.Close()
	}
}

func UnpackChecked(archive, dest string) error {
	zr, err := zip.OpenReader(archive)
	if err != nil {
		return err
	}
	defer zr.Close()
	for _, f := range zr.File {
		// ok: sec-zip-slip-go
		target := filepath.Join(dest, f.Name)
		if !strings.HasPrefix(target, filepath.Clean(dest)+string(os.PathSeparator)) {
			return fmt.Errorf("illegal path %q", f.Name)
		}
		_ = target
	}
	return nil
}

func UnpackLocal(zr *zip.Reader, dest string) error {
	for _, f := range zr.File {
		if !filepath.IsLocal(f.Name) {
			return fmt.Errorf("unsafe entry %q", f.Name)
		}
		// ok: sec-zip-slip-go
		target := filepath.Join(dest, f.Name)
		_ = target
	}
	return nil
}

func UnpackRel(zr *zip.Reader, dest string) error {
	for _, f := range zr.File {
		// ok: sec-zip-slip-go
		target := filepath.Join(dest, f.Name)
		rel, err := filepath.Rel(dest, target)
		if err != nil || strings.HasPrefix(rel, "..") {
			return fmt.Errorf("unsafe entry %q", f.Name)
		}
	}
	return nil
}

type BlobStore interface {
	Put(key string, r io.Reader) error
}

type Profiles struct {
	client *http.Client
	store  BlobStore
}

func (s *Profiles) ImportAvatar(ctx context.Context, userID, src string) error {
	// ruleid: sec-ssrf-url-param-go
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, src, nil)
	if err != nil {
		return err
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return s.store.Put("avatars/"+userID, resp.Body)
}

func (s *Profiles) FetchLogo(logoURL string) (*http.Response, error) {
	// ruleid: sec-ssrf-url-param-go
	return s.client.Get(logoURL)
}

var allowedHosts = map[string]bool{"cdn.example.com": true}

func (s *Profiles) ImportChecked(ctx context.Context, src string) (*http.Response, error) {
	u, err := url.Parse(src)
	if err != nil || u.Scheme != "https" || !allowedHosts[u.Hostname()] {
		return nil, fmt.Errorf("avatar host not allowed")
	}
	// ok: sec-ssrf-url-param-go
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, src, nil)
	if err != nil {
		return nil, err
	}
	return s.client.Do(req)
}

func (s *Profiles) call(ctx context.Context, method, endpoint string) (*http.Response, error) {
	// ok: sec-ssrf-url-param-go
	req, err := http.NewRequestWithContext(ctx, method, endpoint, nil)
	if err != nil {
		return nil, err
	}
	return s.client.Do(req)
}
