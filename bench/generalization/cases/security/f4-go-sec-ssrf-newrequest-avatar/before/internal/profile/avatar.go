package profile

import (
	"context"
	"io"
	"net/http"
	"time"
)

type Service struct {
	client *http.Client
	store  BlobStore
}

type BlobStore interface {
	Put(ctx context.Context, key string, r io.Reader) error
}

func NewService(store BlobStore) *Service {
	return &Service{client: &http.Client{Timeout: 10 * time.Second}, store: store}
}
