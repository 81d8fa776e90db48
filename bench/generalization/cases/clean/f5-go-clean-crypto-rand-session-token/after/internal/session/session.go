package session

import (
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"net/http"
	"time"
)

const CookieName = "sid"

type Store interface {
	Save(id, userID string, expires time.Time) error
}

type Manager struct {
	Store Store
	TTL   time.Duration
}

func newSessionToken() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("session: reading random bytes: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// Start creates a session for userID and sets the cookie.
func (m *Manager) Start(w http.ResponseWriter, userID string) error {
	token, err := newSessionToken()
	if err != nil {
		return err
	}
	expires := time.Now().Add(m.TTL)
	if err := m.Store.Save(token, userID, expires); err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{
		Name:     CookieName,
		Value:    token,
		Path:     "/",
		Expires:  expires,
		Secure:   true,
		HttpOnly: true,
		SameSite: http.SameSiteLaxMode,
	})
	return nil
}
