package orders

import (
	"encoding/json"
	"net/http"
	"strconv"
)

func ListHandler(repo *Repo) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		mid, err := strconv.ParseUint(r.PathValue("merchant"), 10, 64)
		if err != nil {
			http.Error(w, "bad merchant", http.StatusBadRequest)
			return
		}
		orders, err := repo.List(r.Context(), uint(mid), r.URL.Query().Get("status"))
		if err != nil {
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		_ = json.NewEncoder(w).Encode(orders)
	}
}
