package statements

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

type Routes struct {
	Root string
	List func(customerID string) ([]string, error)
}

func (rt Routes) Mount(r chi.Router) {
	r.Get("/statements", rt.index)
}

func (rt Routes) index(w http.ResponseWriter, r *http.Request) {
	names, err := rt.List(r.Header.Get("X-Customer-ID"))
	if err != nil {
		http.Error(w, "unavailable", http.StatusServiceUnavailable)
		return
	}
	writeJSON(w, names)
}
