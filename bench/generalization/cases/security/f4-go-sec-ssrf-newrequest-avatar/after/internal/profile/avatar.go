package profile

import (
	"context"
	"fmt"
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

func (s *Service) ImportAvatar(ctx context.Context, userID, src string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, src, nil)
	if err != nil {
		return err
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return fmt.Errorf("fetch avatar: %w", err)
	}
	defer resp.Body.Close()
	return s.store.Put(ctx, "avatars/"+userID, io.LimitReader(resp.Body, 2<<20))
}
