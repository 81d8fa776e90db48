package main

import (
	"log"
	"net/http"

	"github.com/go-chi/chi/v5"

	"example.com/merchant-api/internal/middleware"
)

func main() {
	r := chi.NewRouter()
	r.Use(middleware.CORS)
	r.Get("/api/me", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("{}")) })
	log.Fatal(http.ListenAndServe("127.0.0.1:8080", r))
}
