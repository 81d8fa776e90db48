package web

import (
	"fmt"
	"html"
	"io"
	"net/http"
	"net/url"
)

func Greet(w http.ResponseWriter, r *http.Request) {
	who := r.FormValue("who")
	// ruleid: sec-xss-response-writer-go
	fmt.Fprintf(w, "<p>Hello %s</p>", who)
}

func Search(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()["q"]
	// ruleid: sec-xss-response-writer-go
	io.WriteString(w, "<b>"+q[0]+"</b>")
}

func GreetSafe(w http.ResponseWriter, r *http.Request) {
	// ok: sec-xss-response-writer-go
	fmt.Fprintf(w, "<p>Hello %s</p>", html.EscapeString(r.FormValue("who")))
}

func Static(w http.ResponseWriter, r *http.Request) {
	// ok: sec-xss-response-writer-go
	fmt.Fprintln(w, "<p>ok</p>")
}

func Next(w http.ResponseWriter, r *http.Request) {
	dest := r.URL.Query().Get("continue")
	// ruleid: sec-open-redirect-go
	http.Redirect(w, r, dest, http.StatusFound)
}

func Jump(w http.ResponseWriter, r *http.Request) {
	// ruleid: sec-open-redirect-go
	w.Header().Set("Location", r.PostFormValue("to"))
	w.WriteHeader(http.StatusSeeOther)
}

func Home(w http.ResponseWriter, r *http.Request) {
	// ok: sec-open-redirect-go
	http.Redirect(w, r, "/home", http.StatusFound)
}

func ChooseProvider(w http.ResponseWriter, r *http.Request, providers []string) {
	provider := r.FormValue("provider")
	r.Form.Del("provider")
	target := url.URL{RawQuery: r.Form.Encode()}
	for _, p := range providers {
		if p == provider {
			target.Path = "/auth/" + url.PathEscape(p)
			// ok: sec-open-redirect-go
			http.Redirect(w, r, target.String(), http.StatusFound)
			return
		}
	}
	// ok: sec-open-redirect-go
	http.Redirect(w, r, "/login?provider="+url.QueryEscape(provider), http.StatusFound)
}

func Back(w http.ResponseWriter, r *http.Request) {
	back := r.FormValue("back")
	target := url.URL{Path: back, RawQuery: r.Form.Encode()}
	// ruleid: sec-open-redirect-go
	http.Redirect(w, r, target.String(), http.StatusFound)
}

func Tab(w http.ResponseWriter, r *http.Request) {
	u := url.URL{Path: "/home"}
	// ok: sec-open-redirect-go
	http.Redirect(w, r, u.String(), http.StatusFound)
}

type pages struct{ title string }

func (p *pages) render(w http.ResponseWriter, r *http.Request, status int) error {
	// ruleid: sec-xss-response-writer-go
	_, err := fmt.Fprintf(w, "<h1>%s</h1><p>%s</p>", p.title, r.URL.Query().Get("msg"))
	return err
}

func Back(w http.ResponseWriter, r *http.Request) {
	// ruleid: sec-open-redirect-go
	w.Header().Add("location", r.URL.Query().Get("back"))
	w.WriteHeader(http.StatusFound)
}
