package profile

import (
	"encoding/json"
	"net/http"
)

type avatarReq struct {
	URL string `json:"url"`
}

func (s *Service) AvatarHandler(w http.ResponseWriter, r *http.Request) {
	var body avatarReq
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	if err := s.ImportAvatar(r.Context(), r.Header.Get("X-User-ID"), body.URL); err != nil {
		http.Error(w, "import failed", http.StatusBadGateway)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
