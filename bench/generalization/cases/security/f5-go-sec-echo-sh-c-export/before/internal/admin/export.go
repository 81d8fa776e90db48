package admin

import (
	"net/http"
	"os/exec"
	"time"

	"github.com/labstack/echo/v4"
)

type ExportHandler struct {
	DSN       string
	ExportDir string
}

func (h *ExportHandler) Register(g *echo.Group) {
	g.POST("/exports/settlements", h.exportAll)
}

func (h *ExportHandler) exportAll(c echo.Context) error {
	out := h.ExportDir + "/settlements-" + time.Now().UTC().Format("20060102") + ".sql"
	cmd := exec.CommandContext(c.Request().Context(), "pg_dump", "--table=settlements", "--file="+out, h.DSN)
	if err := cmd.Run(); err != nil {
		return echo.NewHTTPError(http.StatusInternalServerError, "export failed")
	}
	return c.JSON(http.StatusAccepted, map[string]string{"file": out})
}
