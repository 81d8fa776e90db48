package hooks

import (
	"net/http"
	"time"
)

var fetcher = &http.Client{Timeout: 5 * time.Second}
