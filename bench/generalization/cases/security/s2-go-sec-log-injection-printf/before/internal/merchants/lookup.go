package merchants

import (
	"encoding/json"
	"net/http"
)

func (s *Service) Lookup(w http.ResponseWriter, r *http.Request) {
	m, ok := s.store[r.FormValue("merchant_id")]
	if !ok {
		http.NotFound(w, r)
		return
	}
	json.NewEncoder(w).Encode(m)
}
