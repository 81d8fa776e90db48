package apierr

import "errors"

var ErrNotFound = errors.New("not found")
