package apierr

import "errors"

var ErrNotFound = errors.New("not found")

const (
	PasswordResetEvent = "password_reset"
	TokenHeader        = "X-Api-Token"
	MsgInvalidCard     = "card number is invalid"
	MsgCVVRequired     = "security code is required"
)

var ErrPasswordTooShort = errors.New("password must be at least 12 characters")
