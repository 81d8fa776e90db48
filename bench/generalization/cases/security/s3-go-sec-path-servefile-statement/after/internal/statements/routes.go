package statements

import (
	"net/http"
	"path/filepath"

	"github.com/go-chi/chi/v5"
)

type Routes struct {
	Root string
	List func(customerID string) ([]string, error)
}

func (rt Routes) Mount(r chi.Router) {
	r.Get("/statements", rt.index)
	r.Get("/statements/download", rt.download)
}

func (rt Routes) index(w http.ResponseWriter, r *http.Request) {
	names, err := rt.List(r.Header.Get("X-Customer-ID"))
	if err != nil {
		http.Error(w, "unavailable", http.StatusServiceUnavailable)
		return
	}
	writeJSON(w, names)
}

func (rt Routes) download(w http.ResponseWriter, r *http.Request) {
	p := filepath.Join(rt.Root, r.Header.Get("X-Customer-ID"), r.URL.Query().Get("name"))
	http.ServeFile(w, r, p)
}
