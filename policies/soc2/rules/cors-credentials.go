package web

import (
	"net/http"
	"slices"

	"github.com/gin-gonic/gin"
	"github.com/rs/cors"
)

func Reflect(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if origin := r.Header.Get("Origin"); origin != "" {
			// ruleid: soc2-cc6.6-cors-reflect-credentials-go
			w.Header().Set("Access-Control-Allow-Origin", origin)
			w.Header().Set("Access-Control-Allow-Credentials", "true")
		}
		next.ServeHTTP(w, r)
	})
}

func ReflectLocal(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	o := r.Header.Get("Origin")
	h.Set("Access-Control-Allow-Credentials", "true")
	// ruleid: soc2-cc6.6-cors-reflect-credentials-go
	h.Set("Access-Control-Allow-Origin", o)
}

func GinReflect() gin.HandlerFunc {
	return func(c *gin.Context) {
		// ruleid: soc2-cc6.6-cors-reflect-credentials-go
		c.Header("Access-Control-Allow-Origin", c.GetHeader("Origin"))
		c.Header("Access-Control-Allow-Credentials", "true")
		c.Next()
	}
}

func Listed(next http.Handler, allowed map[string]bool, list []string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if o := r.Header.Get("Origin"); allowed[o] {
			// ok: soc2-cc6.6-cors-reflect-credentials-go
			w.Header().Set("Access-Control-Allow-Origin", o)
			w.Header().Set("Access-Control-Allow-Credentials", "true")
		}
		origin := r.Header.Get("Origin")
		if slices.Contains(list, origin) {
			// ok: soc2-cc6.6-cors-reflect-credentials-go
			w.Header().Set("Access-Control-Allow-Origin", origin)
			w.Header().Set("Access-Control-Allow-Credentials", "true")
		}
		next.ServeHTTP(w, r)
	})
}

func NoCredentials(w http.ResponseWriter, r *http.Request) {
	// ok: soc2-cc6.6-cors-reflect-credentials-go
	w.Header().Set("Access-Control-Allow-Origin", r.Header.Get("Origin"))
}

func Library() http.Handler {
	// ruleid: soc2-cc6.6-cors-reflect-credentials-go
	c := cors.New(cors.Options{
		AllowOriginFunc:  func(origin string) bool { return true },
		AllowCredentials: true,
	})
	// ok: soc2-cc6.6-cors-reflect-credentials-go
	d := cors.New(cors.Options{AllowedOrigins: []string{"https://app.example.com"}, AllowCredentials: true})
	_ = d
	return c.Handler(http.NotFoundHandler())
}
