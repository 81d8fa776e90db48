package crypt

import (
	"context"
	"fmt"
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

func (e *Encrypter) EncryptFile(ctx context.Context, name string) error {
	script := fmt.Sprintf("cd %s && gpg --batch --yes -r %s -e %s", e.Dir, e.Recipient, name)
	return exec.CommandContext(ctx, "sh", "-c", script).Run()
}
