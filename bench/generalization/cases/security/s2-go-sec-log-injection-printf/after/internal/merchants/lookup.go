package merchants

import (
	"encoding/json"
	"log"
	"net/http"
)

func (s *Service) Lookup(w http.ResponseWriter, r *http.Request) {
	id := r.FormValue("merchant_id")
	m, ok := s.store[id]
	if !ok {
		log.Printf("merchant lookup miss: id=%s ua=%s", id, r.UserAgent())
		http.NotFound(w, r)
		return
	}
	json.NewEncoder(w).Encode(m)
}
