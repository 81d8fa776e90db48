package admin

import (
	"fmt"
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
	g.POST("/exports/settlements/day", h.exportDay)
}

func (h *ExportHandler) exportAll(c echo.Context) error {
	out := h.ExportDir + "/settlements-" + time.Now().UTC().Format("20060102") + ".sql"
	cmd := exec.CommandContext(c.Request().Context(), "pg_dump", "--table=settlements", "--file="+out, h.DSN)
	if err := cmd.Run(); err != nil {
		return echo.NewHTTPError(http.StatusInternalServerError, "export failed")
	}
	return c.JSON(http.StatusAccepted, map[string]string{"file": out})
}

// exportDay dumps one settlement day, compressed, for the finance team.
func (h *ExportHandler) exportDay(c echo.Context) error {
	day := c.QueryParam("date")
	out := fmt.Sprintf("%s/settlements-%s.sql.gz", h.ExportDir, day)
	// settlements are partitioned by day: settlements_20240501, ...
	script := fmt.Sprintf("pg_dump --table=settlements_%s %q | gzip > %s", day, h.DSN, out)
	if err := exec.CommandContext(c.Request().Context(), "sh", "-c", script).Run(); err != nil {
		return echo.NewHTTPError(http.StatusInternalServerError, "export failed")
	}
	return c.JSON(http.StatusAccepted, map[string]string{"file": out})
}
