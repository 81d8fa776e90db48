package payments

import (
	"encoding/json"
	"errors"
	"os"
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
