package web

import (
	"html/template"
	"net/http"
)

type Review struct {
	Author  string
	Rating  int
	Comment string
}

type reviewView struct {
	Author  string
	Rating  int
	Comment string
}

var page = template.Must(template.New("reviews").Parse(`<ul>{{range .}}<li>{{.Author}} ({{.Rating}}/5): {{.Comment}}</li>{{end}}</ul>`))

func ReviewsHandler(load func(r *http.Request) ([]Review, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		reviews, err := load(r)
		if err != nil {
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		views := make([]reviewView, 0, len(reviews))
		for _, rv := range reviews {
			views = append(views, reviewView{Author: rv.Author, Rating: rv.Rating, Comment: rv.Comment})
		}
		_ = page.Execute(w, views)
	}
}
