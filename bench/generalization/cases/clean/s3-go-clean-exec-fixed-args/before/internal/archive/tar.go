package archive

import (
	"context"
	"os/exec"
)

type Archiver struct{ Root string }

func (a Archiver) Ping(ctx context.Context) error {
	return exec.CommandContext(ctx, "tar", "--version").Run()
}
