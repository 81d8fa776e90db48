package web

import (
	"fmt"
	"log"
	"net/http"
	"os"
	"strconv"
	// ruleid: sec-text-template-html-go
	"text/template"

	"github.com/gin-gonic/gin"
	"github.com/go-ldap/ldap/v3"
)

type Directory struct {
	conn   *ldap.Conn
	base   string
	logger *log.Logger
}

func (d *Directory) FindUser(name string) (*ldap.SearchResult, error) {
	req := ldap.NewSearchRequest(d.base, ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 0, 0, false,
		// ruleid: sec-ldap-injection-go
		fmt.Sprintf("(&(objectClass=person)(uid=%s))", name),
		[]string{"dn", "mail"}, nil)
	return d.conn.Search(req)
}

func (d *Directory) GroupMembers(group string) (*ldap.SearchResult, error) {
	filter := "(memberOf=cn=" + group + ",ou=groups,dc=example,dc=com)"
	// ruleid: sec-ldap-injection-go
	return d.conn.Search(&ldap.SearchRequest{BaseDN: d.base, Scope: ldap.ScopeWholeSubtree, Filter: filter})
}

func (d *Directory) ByMail(mail string) (*ldap.SearchResult, error) {
	req := ldap.NewSearchRequest(d.base, ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 0, 0, false,
		// ok: sec-ldap-injection-go
		fmt.Sprintf("(mail=%s)", ldap.EscapeFilter(mail)),
		[]string{"dn"}, nil)
	return d.conn.Search(req)
}

func (d *Directory) Admins() (*ldap.SearchResult, error) {
	req := ldap.NewSearchRequest(d.base, ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 0, 0, false,
		// ok: sec-ldap-injection-go
		"(&(objectClass=person)(memberOf=cn=admins,dc=example,dc=com))",
		[]string{"dn"}, nil)
	return d.conn.Search(req)
}

func (d *Directory) Lookup(w http.ResponseWriter, r *http.Request) {
	user := r.URL.Query().Get("user")
	// ruleid: sec-log-injection-go
	log.Printf("lookup user=%s", user)
	// ruleid: sec-log-injection-go
	d.logger.Printf("lookup from %v", r.Header.Get("X-Forwarded-For"))
	// ruleid: sec-log-injection-go
	log.Println("lookup", r.FormValue("ref"))
	// ok: sec-log-injection-go
	log.Printf("lookup user=%q", user)
	// ok: sec-log-injection-go
	d.logger.Printf("lookup headers: %#v", r.Header)
	// ok: sec-log-injection-go
	log.Printf("lookup user=%s", strconv.Quote(user))
	page, _ := strconv.Atoi(r.FormValue("page"))
	// ok: sec-log-injection-go
	log.Printf("lookup page=%d", page)
	// ok: sec-log-injection-go
	log.Printf("lookup %s", d.base)
	if _, err := d.FindUser(user); err != nil {
		// ok: sec-log-injection-go
		log.Printf("lookup failed: %v", err)
	}
}

// ruleid: sec-text-template-html-go
var receipt = template.Must(template.New("receipt").Parse(`<p>Thanks, {{.Name}}</p>`))

// ok: sec-text-template-html-go
var notice = template.Must(template.New("notice").Parse("Hello {{.Name}},\nyour order shipped.\n"))

func Receipt(w http.ResponseWriter, r *http.Request) {
	// ruleid: sec-text-template-html-go
	receipt.Execute(w, map[string]string{"Name": r.FormValue("name")})
}

func ReceiptGin(c *gin.Context) {
	// ruleid: sec-text-template-html-go
	if err := receipt.Execute(c.Writer, map[string]string{"Name": c.Query("name")}); err != nil {
		c.Status(http.StatusInternalServerError)
	}
}

func Notice(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	// ok: sec-text-template-html-go
	notice.Execute(w, map[string]string{"Name": r.FormValue("name")})
}

func NoticeMail(name string) error {
	// ok: sec-text-template-html-go
	return notice.Execute(os.Stdout, map[string]string{"Name": name})
}

// ruleid: sec-text-template-html-go
var pages = template.Must(template.ParseGlob("templates/*.html"))
