package exports

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
)

var ErrInvalidName = errors.New("exports: invalid file name")

type Store struct {
	root string
}

func NewStore(root string) *Store { return &Store{root: root} }

// Open returns an export file of one merchant; name comes from the download link.
func (s *Store) Open(merchantID, name string) (*os.File, error) {
	base := filepath.Join(s.root, merchantID)
	p := filepath.Join(base, name)
	rel, err := filepath.Rel(base, p)
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return nil, ErrInvalidName
	}
	return os.Open(p)
}
