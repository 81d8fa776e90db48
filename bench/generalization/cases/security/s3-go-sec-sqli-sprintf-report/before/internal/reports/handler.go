package reports

import (
	"encoding/json"
	"net/http"
)

type Handler struct{ store *Store }

func (h *Handler) Daily(w http.ResponseWriter, r *http.Request) {
	rows, err := h.store.Daily(r.Context(), r.URL.Query().Get("day"))
	if err != nil {
		http.Error(w, "report failed", http.StatusInternalServerError)
		return
	}
	_ = json.NewEncoder(w).Encode(rows)
}
