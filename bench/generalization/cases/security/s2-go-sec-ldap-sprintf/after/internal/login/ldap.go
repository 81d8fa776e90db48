package login

import (
	"fmt"
	"net/http"

	"github.com/go-ldap/ldap/v3"
)

type Authenticator struct {
	Conn   *ldap.Conn
	BaseDN string
}

func (a *Authenticator) Login(w http.ResponseWriter, r *http.Request) {
	username := r.PostFormValue("username")
	search := ldap.NewSearchRequest(
		a.BaseDN,
		ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 1, 0, false,
		fmt.Sprintf("(&(objectClass=person)(uid=%s))", username),
		[]string{"dn"},
		nil,
	)
	res, err := a.Conn.Search(search)
	if err != nil || len(res.Entries) != 1 {
		http.Error(w, "invalid credentials", http.StatusUnauthorized)
		return
	}
	if err := a.Conn.Bind(res.Entries[0].DN, r.PostFormValue("password")); err != nil {
		http.Error(w, "invalid credentials", http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
