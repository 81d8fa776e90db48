package session

import (
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
