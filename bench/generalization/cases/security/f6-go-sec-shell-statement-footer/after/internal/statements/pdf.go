package statements

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

type Account struct {
	ID          string
	DisplayName string
}

type Renderer struct {
	bin     string
	workDir string
	outDir  string
}

func NewRenderer(bin, workDir, outDir string) *Renderer {
	return &Renderer{bin: bin, workDir: workDir, outDir: outDir}
}

func (r *Renderer) Render(ctx context.Context, acct Account, period string, html []byte) (string, error) {
	htmlPath := filepath.Join(r.workDir, fmt.Sprintf("%s-%s.html", acct.ID, period))
	if err := os.WriteFile(htmlPath, html, 0o600); err != nil {
		return "", fmt.Errorf("write statement html: %w", err)
	}
	out := filepath.Join(r.outDir, fmt.Sprintf("%s-%s.pdf", acct.ID, period))
	cmdline := fmt.Sprintf("%s --quiet --footer-center %q %s %s", r.bin, acct.DisplayName, htmlPath, out)
	cmd := exec.CommandContext(ctx, "sh", "-c", cmdline)
	if output, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("render statement: %w: %s", err, output)
	}
	return out, nil
}
