package payouts

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
)

type Handler struct {
	DB *sql.DB
}

func (h *Handler) List(w http.ResponseWriter, r *http.Request) {
	order := "created_at DESC"
	query := fmt.Sprintf("SELECT id, amount_cents, status FROM payouts WHERE merchant_id = $1 ORDER BY %s LIMIT 100", order)
	rows, err := h.DB.QueryContext(r.Context(), query, r.Header.Get("X-Merchant-ID"))
	if err != nil {
		http.Error(w, "query failed", http.StatusInternalServerError)
		return
	}
	defer rows.Close()
	var out []map[string]any
	for rows.Next() {
		var id string
		var amount int64
		var status string
		if err := rows.Scan(&id, &amount, &status); err != nil {
			http.Error(w, "scan failed", http.StatusInternalServerError)
			return
		}
		out = append(out, map[string]any{"id": id, "amount_cents": amount, "status": status})
	}
	json.NewEncoder(w).Encode(out)
}
