package reports

import (
	"database/sql"
	"encoding/json"
	"net/http"
	"strings"
)

type Handler struct {
	DB *sql.DB
}

type payout struct {
	ID       int64  `json:"id"`
	Merchant string `json:"merchant"`
	Status   string `json:"status"`
	Amount   int64  `json:"amount_cents"`
}

func (h *Handler) Payouts(w http.ResponseWriter, r *http.Request) {
	var b strings.Builder
	b.WriteString("SELECT id, merchant_id, status, amount_cents FROM payouts WHERE 1=1")
	args := []any{}
	if status := r.URL.Query().Get("status"); status != "" {
		args = append(args, status)
		b.WriteString(" AND status = $1")
	}
	if merchant := r.URL.Query().Get("merchant"); merchant != "" {
		b.WriteString(" AND merchant_id = '" + merchant + "'")
	}
	b.WriteString(" ORDER BY created_at DESC LIMIT 200")

	rows, err := h.DB.QueryContext(r.Context(), b.String(), args...)
	if err != nil {
		http.Error(w, "query failed", http.StatusInternalServerError)
		return
	}
	defer rows.Close()
	out := []payout{}
	for rows.Next() {
		var p payout
		if err := rows.Scan(&p.ID, &p.Merchant, &p.Status, &p.Amount); err != nil {
			http.Error(w, "scan failed", http.StatusInternalServerError)
			return
		}
		out = append(out, p)
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(out)
}
