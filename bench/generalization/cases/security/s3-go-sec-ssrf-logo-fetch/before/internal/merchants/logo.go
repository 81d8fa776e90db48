package merchants

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"time"
)

type LogoService struct {
	client *http.Client
	store  BlobStore
}

func NewLogoService(store BlobStore) *LogoService {
	return &LogoService{client: &http.Client{Timeout: 10 * time.Second}, store: store}
}
