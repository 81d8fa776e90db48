package merchants

import (
	"encoding/json"
	"net/http"
)

type onboardRequest struct {
	Name    string `json:"name"`
	LogoURL string `json:"logo_url"`
}

type Handler struct {
	Repo  Repository
}

func (h *Handler) Onboard(w http.ResponseWriter, r *http.Request) {
	var body onboardRequest
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	id, err := h.Repo.Create(r.Context(), body.Name)
	if err != nil {
		http.Error(w, "create failed", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusCreated)
}
