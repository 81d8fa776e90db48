package lifecycle

import (
	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"time"
)

func serve(addr string, h http.Handler) error {
	// ruleid: eh-go-http-server-no-timeout
	srv := &http.Server{Addr: addr, Handler: h}
	return srv.ListenAndServe()
}

func serveDefault(h http.Handler) {
	// ruleid: eh-go-http-server-no-timeout
	log.Fatal(http.ListenAndServe(":8080", h))
}

func serveConfigured(addr string, h http.Handler) error {
	// ok: eh-go-http-server-no-timeout
	srv := &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 3 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      10 * time.Second,
		IdleTimeout:       60 * time.Second,
	}
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("listener: %w", err)
	}
	return nil
}

func serveLater(addr string, h http.Handler, readTimeout time.Duration) error {
	// ok: eh-go-http-server-no-timeout
	srv := &http.Server{Addr: addr, Handler: h}
	srv.ReadHeaderTimeout = readTimeout
	return srv.ListenAndServe()
}

type Line struct{ Ref, Amount string }

func ParseFile(path string) ([]Line, error) {
	// ruleid: eh-go-file-never-closed
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	sc := bufio.NewScanner(f)
	var out []Line
	for sc.Scan() {
		parts := strings.Split(sc.Text(), ";")
		if len(parts) < 2 {
			return nil, fmt.Errorf("%s: malformed line", path)
		}
		out = append(out, Line{Ref: parts[0], Amount: parts[1]})
	}
	return out, sc.Err()
}

func Export(path string, rows [][]string) error {
	// ruleid: eh-go-file-never-closed
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	w := csv.NewWriter(out)
	if err := w.WriteAll(rows); err != nil {
		return err
	}
	return nil
}

func CountLines(path string) (int, error) {
	// ok: eh-go-file-never-closed
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	n := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		n++
	}
	return n, sc.Err()
}

func WriteReport(path string, body []byte) (err error) {
	// ok: eh-go-file-never-closed
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	_, err = f.Write(body)
	return err
}

func OpenLog(path string) (io.WriteCloser, error) {
	// ok: eh-go-file-never-closed
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, err
	}
	return f, nil
}

type Provider interface {
	Payouts(ctx context.Context, since time.Time) ([]string, error)
}

type Store interface {
	Upsert(ctx context.Context, ids []string) error
}

type Job struct {
	P      Provider
	S      Store
	logger *slog.Logger
}

func (j *Job) Run(ctx context.Context, since time.Time) error {
	ids, err := j.P.Payouts(ctx, since)
	// ruleid: eh-go-error-logged-returns-nil
	if err != nil {
		log.Printf("payout sync: provider error: %v", err)
		return nil
	}
	// ruleid: eh-go-error-logged-returns-nil
	if err := j.S.Upsert(ctx, ids); err != nil {
		j.logger.Error("payout sync: store failed", "err", err)
		return nil
	}
	return nil
}

func (j *Job) Load(ctx context.Context, since time.Time) ([]string, error) {
	ids, err := j.P.Payouts(ctx, since)
	if err != nil {
		log.Printf("payout load: %v", err)
		// ok: eh-go-error-logged-returns-nil
		return nil, fmt.Errorf("load payouts: %w", err)
	}
	return ids, nil
}

var ErrNotFound = errors.New("not found")

func (j *Job) Sync(ctx context.Context, since time.Time) error {
	ids, err := j.P.Payouts(ctx, since)
	if errors.Is(err, ErrNotFound) {
		// ok: eh-go-error-logged-returns-nil
		log.Printf("nothing to sync")
		return nil
	}
	if err != nil {
		return err
	}
	return j.S.Upsert(ctx, ids)
}

func (j *Job) Close() error {
	// ok: eh-go-error-logged-returns-nil
	if err := j.S.Upsert(context.Background(), nil); err != nil {
		log.Printf("final flush: %v", err)
		return nil
	}
	return nil
}

func (j *Job) Detect(ctx context.Context, since time.Time, enabled bool) error {
	ids, err := j.P.Payouts(ctx, since)
	if err != nil {
		return err
	}
	if enabled {
		// ok: eh-go-error-logged-returns-nil
		if err := j.S.Upsert(ctx, ids); err != nil {
			log.Printf("optional mirror failed: %v", err)
			return nil
		}
	}
	// ok: eh-go-error-logged-returns-nil
	if _, err := j.P.Payouts(ctx, time.Time{}); err != nil {
		j.logger.Warn("cannot detect provider version", "err", err)
		return nil
	}
	return nil
}

func runPublic(h http.Handler) error {
	// ok: eh-go-http-server-no-timeout
	server := &http.Server{ // #nosec G112 -- timeouts are set by the embedding application
		Handler: h,
	}
	return server.ListenAndServe()
}

func decodeInto(v any, b []byte) (err error) {
	if f, ok := v.(**os.File); ok {
		// ok: eh-go-file-never-closed
		*f, err = os.CreateTemp("", "download")
		if err != nil {
			return err
		}
		_, err = (*f).Write(b)
		return err
	}
	return nil
}
