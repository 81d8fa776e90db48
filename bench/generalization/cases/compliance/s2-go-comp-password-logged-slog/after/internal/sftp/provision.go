package sftp

import (
	"crypto/rand"
	"encoding/base64"
	"log/slog"
)

type Account struct {
	Partner         string
	Username        string
	InitialPassword string
}

func Provision(partner string) (Account, error) {
	buf := make([]byte, 18)
	if _, err := rand.Read(buf); err != nil {
		return Account{}, err
	}
	acct := Account{Partner: partner, Username: "p_" + partner, InitialPassword: base64.RawURLEncoding.EncodeToString(buf)}
	slog.Info("provisioned sftp account", "partner", partner, "user", acct.Username, "password", acct.InitialPassword)
	return acct, nil
}
