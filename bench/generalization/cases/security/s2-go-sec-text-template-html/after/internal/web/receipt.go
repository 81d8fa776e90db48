package web

import (
	"net/http"
	"text/template"
)

var receiptPage = template.Must(template.New("receipt").Parse(`<html><body>
<h1>Receipt for {{.Customer}}</h1>
<p>Note: {{.Note}}</p>
</body></html>`))

func Receipt(w http.ResponseWriter, r *http.Request) {
	data := struct{ Customer, Note string }{r.FormValue("name"), r.FormValue("note")}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	receiptPage.Execute(w, data)
}
