package main

import (
	"log"
	"net/http"

	"github.com/acme/wallet/internal/api"
	"github.com/acme/wallet/internal/httpx"
)

func main() {
	mux := api.Routes()
	handler := httpx.Logging(httpx.CORS(mux), log.Printf)
	log.Fatal(http.ListenAndServe(":8080", handler))
}
