package auth

import (
	"github.com/golang-jwt/jwt/v5"
)

var parser = jwt.NewParser(jwt.WithValidMethods([]string{"RS256"}))

func subject(raw string) string {
	claims := jwt.MapClaims{}
	// ruleid: sec-jwt-unverified-go
	parser.ParseUnverified(raw, claims)
	return claims["sub"].(string)
}

func tenant(raw string) (string, error) {
	c := &jwt.RegisteredClaims{}
	// ruleid: sec-jwt-unverified-go
	if _, _, err := new(jwt.Parser).ParseUnverified(raw, c); err != nil {
		return "", err
	}
	return c.Subject, nil
}

func verified(raw string, key any) (*jwt.Token, error) {
	// ok: sec-jwt-unverified-go
	return parser.Parse(raw, func(t *jwt.Token) (interface{}, error) { return key, nil })
}

func verifiedClaims(raw string, key any) error {
	c := jwt.MapClaims{}
	// ok: sec-jwt-unverified-go
	_, err := jwt.ParseWithClaims(raw, c, func(t *jwt.Token) (interface{}, error) { return key, nil })
	return err
}

func anyKey(raw string) (*jwt.Token, error) {
	// ruleid: sec-jwt-unverified-go
	return jwt.Parse(raw, func(t *jwt.Token) (any, error) { return nil, nil })
}

func anyKeyClaims(raw string) (jwt.MapClaims, error) {
	c := jwt.MapClaims{}
	// ruleid: sec-jwt-unverified-go
	_, err := jwt.ParseWithClaims(raw, c, func(t *jwt.Token) (any, error) { return nil, nil }, jwt.WithLeeway(5))
	return c, err
}
