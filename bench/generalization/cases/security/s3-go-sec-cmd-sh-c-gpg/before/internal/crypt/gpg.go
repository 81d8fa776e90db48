package crypt

import (
	"context"
	"os/exec"
)

type Encrypter struct {
	Recipient string
	Dir       string
}

func (e *Encrypter) Version(ctx context.Context) (string, error) {
	out, err := exec.CommandContext(ctx, "gpg", "--version").Output()
	return string(out), err
}
