package reports

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
)

const reportDir = "/srv/reports"

func Download(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("file")
	f, err := os.Open(filepath.Join(reportDir, name))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	io.Copy(w, f)
}
