package server

import "net/http"

func handler(w http.ResponseWriter, r *http.Request) {
	// ruleid: soc2-cc6.6-exposed-surface-go
	w.Header().Set("Access-Control-Allow-Origin", "*")
	// ok: soc2-cc6.6-exposed-surface-go
	w.Header().Set("Access-Control-Allow-Origin", allowedOrigin)
}

func Serve(mux *http.ServeMux) error {
	// ok: soc2-cc6.6-exposed-surface-go
	go http.ListenAndServe("127.0.0.1:9090", nil)
	// ruleid: soc2-cc6.6-exposed-surface-go
	return http.ListenAndServe("0.0.0.0:8080", mux)
}
