package main

import (
	"log"
	"net/http"
)

func registerRoutes(mux *http.ServeMux) {
	mux.HandleFunc("POST /v1/payments", handlePayment)
}

func handlePayment(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusAccepted)
}

func withLogging(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		log.Printf("%s %s", r.Method, r.URL.Path)
		next.ServeHTTP(w, r)
	})
}
