package api

import "net/http"

type RBAC struct {
	permissions func(r *http.Request) map[string]bool
}

func (a *RBAC) Require(perm string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !a.permissions(r)[perm] {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}
