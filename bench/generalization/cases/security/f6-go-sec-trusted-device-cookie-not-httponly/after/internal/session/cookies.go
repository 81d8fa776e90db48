package session

import (
	"net/http"
	"time"
)

const sessionTTL = 30 * time.Minute

func SetSessionCookie(w http.ResponseWriter, sid string) {
	http.SetCookie(w, &http.Cookie{
		Name:     "__Host-sid",
		Value:    sid,
		Path:     "/",
		MaxAge:   int(sessionTTL.Seconds()),
		Secure:   true,
		HttpOnly: true,
		SameSite: http.SameSiteStrictMode,
	})
}

// SetTrustedDeviceCookie remembers a device that passed MFA so the next
// login can skip the OTP step. The SPA reads it to decide which screen to show.
func SetTrustedDeviceCookie(w http.ResponseWriter, deviceToken string) {
	http.SetCookie(w, &http.Cookie{
		Name:     "trusted_device",
		Value:    deviceToken,
		Path:     "/",
		MaxAge:   int((90 * 24 * time.Hour).Seconds()),
		Secure:   true,
		HttpOnly: false,
		SameSite: http.SameSiteLaxMode,
	})
}
