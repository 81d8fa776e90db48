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

func (s *LogoService) Import(ctx context.Context, merchantID, logoURL string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, logoURL, nil)
	if err != nil {
		return err
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("logo fetch: status %d", resp.StatusCode)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, 2<<20))
	if err != nil {
		return err
	}
	return s.store.Put(ctx, "logos/"+merchantID, data)
}
