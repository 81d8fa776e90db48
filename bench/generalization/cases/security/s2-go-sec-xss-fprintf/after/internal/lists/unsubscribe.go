package lists

import (
	"context"
	"fmt"
	"net/http"
)

type Remover interface {
	Remove(ctx context.Context, email string) error
}

type Handler struct {
	Lists Remover
}

func (h *Handler) Unsubscribe(w http.ResponseWriter, r *http.Request) {
	email := r.URL.Query().Get("email")
	if err := h.Lists.Remove(r.Context(), email); err != nil {
		http.Error(w, "could not unsubscribe", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, "<html><body><p>%s has been removed from the list.</p></body></html>", email)
}
