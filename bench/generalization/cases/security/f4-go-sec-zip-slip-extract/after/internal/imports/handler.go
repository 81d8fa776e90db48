package imports

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
)

func UploadHandler(workDir string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		tmp, err := os.CreateTemp(workDir, "upload-*.zip")
		if err != nil {
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		defer os.Remove(tmp.Name())
		if _, err := io.Copy(tmp, http.MaxBytesReader(w, r.Body, 100<<20)); err != nil {
			tmp.Close()
			http.Error(w, "upload failed", http.StatusBadRequest)
			return
		}
		tmp.Close()
		if err := Unpack(tmp.Name(), filepath.Join(workDir, "batch")); err != nil {
			http.Error(w, "bad archive", http.StatusBadRequest)
			return
		}
		w.WriteHeader(http.StatusAccepted)
	}
}
