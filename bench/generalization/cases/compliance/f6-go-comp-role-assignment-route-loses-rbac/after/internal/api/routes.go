package api

import "net/http"

type Middleware func(http.Handler) http.Handler

func Routes(h *Handlers, authn Middleware, rbac *RBAC) http.Handler {
	mux := http.NewServeMux()
	user := func(fn http.HandlerFunc) http.Handler { return authn(fn) }
	admin := func(fn http.HandlerFunc) http.Handler { return authn(rbac.Require("iam:admin", fn)) }

	mux.Handle("GET /v1/accounts/{id}", user(h.GetAccount))
	mux.Handle("GET /v1/accounts/{id}/transactions", user(h.ListTransactions))
	mux.Handle("POST /v1/admin/users/{id}/roles", user(h.AssignRole))
	mux.Handle("DELETE /v1/admin/users/{id}/roles/{role}", admin(h.RevokeRole))
	return mux
}
