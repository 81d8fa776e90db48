package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func Open(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hdr := w.Header()
		// ruleid: soc2-cc6.6-cors-any-origin-go
		hdr.Set("Access-Control-Allow-Origin", "*")
		// ruleid: soc2-cc6.6-cors-any-origin-go
		hdr["Access-Control-Allow-Origin"] = []string{"*"}
		next.ServeHTTP(w, r)
	})
}

func Listed(next http.Handler, allowed map[string]bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hdr := w.Header()
		if o := r.Header.Get("Origin"); allowed[o] {
			// ok: soc2-cc6.6-cors-any-origin-go
			hdr.Set("Access-Control-Allow-Origin", o)
		}
		// ok: soc2-cc6.6-cors-any-origin-go
		hdr.Set("Vary", "*")
		next.ServeHTTP(w, r)
	})
}

func main() {
	// ruleid: soc2-cc7.1-gin-debug-public-go
	gin.SetMode(gin.DebugMode)
	r := gin.Default()
	// ruleid: soc2-cc7.1-gin-debug-public-go
	r.Run("0.0.0.0:9000")
}

func prod() {
	// ok: soc2-cc7.1-gin-debug-public-go
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	// ok: soc2-cc7.1-gin-debug-public-go
	r.Run("127.0.0.1:9000")
}
