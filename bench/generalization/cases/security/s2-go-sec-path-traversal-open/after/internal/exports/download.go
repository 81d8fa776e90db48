package exports

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
)

type Handler struct {
	Dir string
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("file")
	f, err := os.Open(filepath.Join(h.Dir, name))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	w.Header().Set("Content-Type", "text/csv")
	io.Copy(w, f)
}
