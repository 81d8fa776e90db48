package archive

import (
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"regexp"
)

var accountID = regexp.MustCompile(`^[0-9]{6,12}$`)

type Archiver struct{ Root string }

func (a Archiver) Ping(ctx context.Context) error {
	return exec.CommandContext(ctx, "tar", "--version").Run()
}

func (a Archiver) ArchiveAccount(ctx context.Context, id string) (string, error) {
	if !accountID.MatchString(id) {
		return "", fmt.Errorf("invalid account id")
	}
	out := filepath.Join(a.Root, "archives", id+".tar.gz")
	cmd := exec.CommandContext(ctx, "tar", "-czf", out, "-C", filepath.Join(a.Root, "statements"), id)
	return out, cmd.Run()
}
