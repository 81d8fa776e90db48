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
	name := r.URL.Query().Get("file")
	p := filepath.Join(h.root, merchantID, name)
	f, err := os.Open(p)
	if err != nil {
		http.Error(w, "receipt not found", http.StatusNotFound)
		return
	}
	defer f.Close()
	w.Header().Set("Content-Type", "application/pdf")
	_, _ = io.Copy(w, f)
}
