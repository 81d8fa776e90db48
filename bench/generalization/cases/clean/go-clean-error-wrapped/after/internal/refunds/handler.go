package refunds

import (
	"fmt"
	"log"
	"net/http"
)

type Gateway interface {
	Refund(id string) error
}

type Handler struct {
	GW Gateway
}

func (h *Handler) refund(id string) error {
	if err := h.GW.Refund(id); err != nil {
		return fmt.Errorf("refund %s: %w", id, err)
	}
	return nil
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if err := h.refund(r.URL.Query().Get("charge")); err != nil {
		log.Printf("refund failed: %v", err)
		http.Error(w, "refund failed", http.StatusBadGateway)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
