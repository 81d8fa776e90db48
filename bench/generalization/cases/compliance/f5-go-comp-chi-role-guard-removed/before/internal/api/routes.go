package api

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"example.com/payout-ops/internal/auth"
)

type Handlers interface {
	ListPayouts(http.ResponseWriter, *http.Request)
	ReleasePayout(http.ResponseWriter, *http.Request)
	HoldPayout(http.ResponseWriter, *http.Request)
	Health(http.ResponseWriter, *http.Request)
}

func Routes(h Handlers, authn *auth.Authenticator) http.Handler {
	r := chi.NewRouter()
	r.Get("/healthz", h.Health)
	r.Route("/v1", func(r chi.Router) {
		r.Use(authn.Session)
		r.Get("/payouts", h.ListPayouts)
		r.With(auth.RequireRole("treasury")).Post("/payouts/{id}/release", h.ReleasePayout)
		r.With(auth.RequireRole("treasury")).Post("/payouts/{id}/hold", h.HoldPayout)
	})
	return r
}
