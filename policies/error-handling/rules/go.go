package payments

import (
	"bufio"
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"fmt"
	"hash"
	"strings"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"errors"
	"database/sql"
	"os"
	"path/filepath"
	"strconv"
	"unicode/utf8"
)

func parseAmount(s string) int {
	// ruleid: eh-go-error-discarded
	n, _ := strconv.Atoi(s)
	return n
}

func readConfig(path string) []byte {
	var data []byte
	// ruleid: eh-go-error-discarded
	data, _ = os.ReadFile(path)
	return data
}

func credit(db *sql.DB, account string, cents int) {
	// ruleid: eh-go-error-discarded
	tx, _ := db.Begin()
	tx.Exec("UPDATE balances SET cents = cents + $1 WHERE account = $2", cents, account)
}

func inside(root, name string) bool {
	// ruleid: eh-go-error-discarded
	abs, _ := filepath.Abs(filepath.Join(root, name))
	return strings.HasPrefix(abs, root)
}

func responseCode(fields map[string]any) string {
	// A project's own accessor of an optional field: an absent field reads as "".
	// ok: eh-go-error-discarded
	code, _ := rawString(fields["returnCode"])
	return code
}

func screenshot(name string) string {
	// ok: eh-go-error-discarded
	dir, _ := artifactPaths(name)
	return dir
}

func firstRune(s string) rune {
	// ok: eh-go-error-discarded
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func checked(s string) (int, error) {
	// ok: eh-go-error-discarded
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, err
	}
	return n, nil
}

func cleanup(path string) {
	// ruleid: eh-go-error-unchecked
	os.Remove(path)
}

func save(w Writer, v any, tx Tx) {
	// ruleid: eh-go-error-unchecked
	json.NewEncoder(w).Encode(v)
	// ruleid: eh-go-error-unchecked
	tx.Commit()
}

func settle(a Account) {
	x, err := a.Reserve()
	if err != nil {
		return
	}
	// ruleid: eh-go-error-unchecked
	y, err := a.Capture(x)
	use(y)
}

func careful(path string, tx Tx) error {
	// ok: eh-go-error-unchecked
	if err := os.Remove(path); err != nil {
		return err
	}
	// ok: eh-go-error-unchecked
	defer tx.Rollback()
	// ok: eh-go-error-unchecked
	err := tx.Commit()
	if err != nil {
		return err
	}
	// ok: eh-go-error-unchecked
	return tx.Commit()
}

func wrapped(path string) {
	// ok: eh-go-error-unchecked
	must(os.Remove(path))
	// ok: eh-go-error-unchecked
	_ = os.Getenv("HOME")
	// ok: eh-go-error-unchecked
	defer os.Remove(path)
}

func loadOrCreate(ctx Ctx) (Key, error) {
	k, err := get(ctx)
	if errors.Is(err, ErrNotFound) {
		// ok: eh-go-error-unchecked
		k, err = create(ctx)
	}
	if err != nil {
		return k, err
	}
	return k, nil
}

func retryBlind(ctx Ctx) Key {
	k, err := get(ctx)
	if err != nil {
		// ruleid: eh-go-error-unchecked
		k, err = create(ctx)
	}
	return k
}

// Deliberate, explicit discards and writes that cannot fail.

type logger struct{ out Writer }

func (l *logger) Infof(format string, v ...any) {
	// A log line that cannot be written has nowhere to be reported.
	// ok: eh-go-error-discarded
	_, _ = fmt.Fprintf(l.out, format+"\n", v...)
}

func sign(secret, payload []byte) []byte {
	mac := hmac.New(sha256.New, secret)
	// ok: eh-go-error-discarded
	n, _ := mac.Write(payload)
	_ = n
	return mac.Sum(nil)
}

func checksum(h hash.Hash, parts []string) []byte {
	for _, p := range parts {
		// ok: eh-go-error-discarded
		n, _ := h.Write([]byte(p))
		_ = n
	}
	return h.Sum(nil)
}

func render(names []string) string {
	var sb strings.Builder
	var buf bytes.Buffer
	for _, n := range names {
		// ok: eh-go-error-discarded
		k, _ := sb.WriteString(n)
		// ok: eh-go-error-discarded
		var m int
		m, _ = buf.WriteString(n)
		_, _ = k, m
	}
	return sb.String() + buf.String()
}

func quantity(s string) int {
	// A kept result beside a discarded error is still reported.
	// ruleid: eh-go-error-discarded
	q, _ := strconv.ParseInt(s, 10, 64)
	return int(q)
}

// err assigned in each branch and read right after the block.

func seal(legacy bool, name string) (string, error) {
	var encoded string
	var err error
	if legacy {
		// ok: eh-go-error-unchecked
		encoded, err = sealLegacy(name)
	} else {
		// ok: eh-go-error-unchecked
		encoded, err = sealCurrent(name)
	}
	if err != nil {
		return "", err
	}
	return encoded, nil
}

func sourceFor(obj any) (*Source, error) {
	var src *Source
	var err error
	switch p := obj.(type) {
	case string:
		src = &Source{Token: p}
	default:
		// ok: eh-go-error-unchecked
		err = fmt.Errorf("unsupported source type %T", p)
	}
	return src, err
}

func migrate(ctx Ctx, box Box) error {
	err := box.Prepare(ctx)
	if err == nil {
		// ok: eh-go-error-unchecked
		err = box.Up(ctx)
	}
	box.Close()
	if err != nil {
		return err
	}
	return nil
}

func branchesNeverRead(legacy bool, name string) string {
	var encoded string
	var err error
	if legacy {
		// ruleid: eh-go-error-unchecked
		encoded, err = sealLegacy(name)
	} else {
		// ruleid: eh-go-error-unchecked
		encoded, err = sealCurrent(name)
	}
	return encoded
}

func streamEvents(w http.ResponseWriter, r *http.Request, events <-chan string) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	// ok: eh-go-error-unchecked
	flusher.Flush()
	for e := range events {
		fmt.Fprintf(w, "data: %s\n\n", e)
		// ok: eh-go-error-unchecked
		flusher.Flush()
	}
}

func writeStatus(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	// ok: eh-go-error-unchecked
	json.NewEncoder(w).Encode(map[string]any{"status": "ok"})
}

func exportRows(out io.Writer, rows [][]string) {
	cw := csv.NewWriter(out)
	for _, row := range rows {
		if err := cw.Write(row); err != nil {
			return
		}
	}
	// ok: eh-go-error-unchecked
	cw.Flush()
}

func writeBuffered(f *os.File, lines []string) {
	bw := bufio.NewWriter(f)
	for _, l := range lines {
		bw.WriteString(l)
	}
	// ruleid: eh-go-error-unchecked
	bw.Flush()
}

func adminURL(q url.Values) string {
	u := "/admin"
	if len(q) > 0 {
		// ok: eh-go-error-unchecked
		u += "?" + q.Encode()
	}
	return u
}

func problemOf(err error) int {
	// ok: eh-go-error-discarded
	if r, _ := UnwrapResponse(err); r != nil {
		return r.Status
	}
	// ok: eh-go-error-discarded
	if n, _ := strconv.Atoi(os.Getenv("CODE")); n > 0 {
		return n
	} else {
		return 500
	}
}

func codeOf(raw string) int {
	// ruleid: eh-go-error-discarded
	if n, _ := strconv.Atoi(raw); true {
		return n
	}
	return 0
}

// Shapes from real OAuth provider code: a non-2xx body read only to decorate the returned
// error, a read whose result the next statement parses with a checked error, a Marshal
// of a plain struct; and the same calls whose zero value would be carried on.
func fetchProfile(resp *http.Response) (Profile, error) {
	var p Profile
	if resp.StatusCode != http.StatusOK {
		// ok: eh-go-error-discarded
		body, _ := io.ReadAll(resp.Body)
		return p, fmt.Errorf("profile API answered %d: %s", resp.StatusCode, string(body))
	}
	// ok: eh-go-error-discarded
	raw, _ := io.ReadAll(resp.Body)
	if err := json.Unmarshal(raw, &p); err != nil {
		return p, err
	}
	return p, nil
}

func (s *Session) Encode() string {
	// ok: eh-go-error-discarded
	b, _ := json.Marshal(s)
	return string(b)
}

func readBalance(resp *http.Response) string {
	// ruleid: eh-go-error-discarded
	body, _ := io.ReadAll(resp.Body)
	return string(body)
}

func storeProfile(resp *http.Response, db Store) error {
	// ruleid: eh-go-error-discarded
	raw, _ := io.ReadAll(resp.Body)
	return db.Put("profile", raw)
}
