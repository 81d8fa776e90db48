package crypt

import "net/http"

type Handler struct{ Enc *Encrypter }

func (h Handler) Encrypt(w http.ResponseWriter, r *http.Request) {
	if err := h.Enc.EncryptFile(r.Context(), r.FormValue("file")); err != nil {
		http.Error(w, "encryption failed", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
