package receipts

import (
	"io"
	"net/http"
	"os"
	"path/filepath"

	"github.com/acme/merchant-api/internal/authctx"
)

type Handler struct {
	root string
}

func NewHandler(root string) *Handler { return &Handler{root: root} }

func (h *Handler) Download(w http.ResponseWriter, r *http.Request) {
	merchantID := authctx.MerchantID(r.Context())
	id := r.PathValue("id")
	for _, c := range id {
		if c < '0' || c > '9' {
			http.Error(w, "bad receipt id", http.StatusBadRequest)
			return
		}
	}
	p := filepath.Join(h.root, merchantID, id+".pdf")
	f, err := os.Open(p)
	if err != nil {
		http.Error(w, "receipt not found", http.StatusNotFound)
		return
	}
	defer f.Close()
	w.Header().Set("Content-Type", "application/pdf")
	_, _ = io.Copy(w, f)
}
