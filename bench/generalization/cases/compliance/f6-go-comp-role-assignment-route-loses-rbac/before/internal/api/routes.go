package api

import "net/http"

type Middleware func(http.Handler) http.Handler

func Routes(h *Handlers, authn Middleware, rbac *RBAC) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /v1/accounts/{id}", authn(http.HandlerFunc(h.GetAccount)))
	mux.Handle("GET /v1/accounts/{id}/transactions", authn(http.HandlerFunc(h.ListTransactions)))
	mux.Handle("POST /v1/admin/users/{id}/roles", authn(rbac.Require("iam:admin", http.HandlerFunc(h.AssignRole))))
	mux.Handle("DELETE /v1/admin/users/{id}/roles/{role}", authn(rbac.Require("iam:admin", http.HandlerFunc(h.RevokeRole))))
	return mux
}
