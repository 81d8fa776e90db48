package statements

import (
	"net/http"
	"path/filepath"

	"github.com/gin-gonic/gin"
)

type Config struct {
	Dir string
}

func Register(r *gin.RouterGroup, cfg Config) {
	r.GET("/statements/:merchant/latest", func(c *gin.Context) {
		merchant := c.Param("merchant")
		if !validMerchant(merchant) {
			c.AbortWithStatus(http.StatusBadRequest)
			return
		}
		c.File(filepath.Join(cfg.Dir, merchant, "latest.pdf"))
	})
	r.GET("/statements/:merchant/archive", func(c *gin.Context) {
		merchant := c.Param("merchant")
		if !validMerchant(merchant) {
			c.AbortWithStatus(http.StatusBadRequest)
			return
		}
		name := c.Query("file")
		c.FileAttachment(filepath.Join(cfg.Dir, merchant, "archive", name), name)
	})
}

func validMerchant(id string) bool {
	if len(id) == 0 || len(id) > 32 {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}
