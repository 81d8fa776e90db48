package main

import (
	"log"

	"github.com/gin-gonic/gin"
)

func main() {
	gin.SetMode(gin.DebugMode)
	r := gin.New()
	log.Fatal(r.Run("0.0.0.0:8080"))
}
