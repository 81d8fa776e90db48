package refunds

import (
	"encoding/json"
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
