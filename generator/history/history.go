// Package history reads a handbook's git history: when and by whom each file
// last changed, and the site as it was at another revision. It runs the git
// command itself, so that it reads exactly what git sees, and never writes
// to the repository or the working tree.
package history

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
)

// ErrNoRepository matches (errors.Is) the error Open returns when the folder
// is not in a git checkout, or git is not installed: pages then simply have
// no history.
var ErrNoRepository = errors.New("not a git checkout")

// Repo is the git checkout holding a site.
type Repo struct {
	git    string // the git executable
	dir    string // the site folder
	prefix string // the site folder inside the repository: "" or "docs/handbook/"
}

// Open finds the git checkout that holds the site folder dir.
func Open(ctx context.Context, dir string) (*Repo, error) {
	git, err := exec.LookPath("git")
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNoRepository, err)
	}
	r := &Repo{git: git, dir: dir}
	out, err := r.run(ctx, nil, "rev-parse", "--is-inside-work-tree", "--show-prefix")
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNoRepository, err)
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) < 1 || lines[0] != "true" {
		return nil, fmt.Errorf("%w: %s", ErrNoRepository, dir)
	}
	if len(lines) > 1 {
		r.prefix = lines[1]
	}
	return r, nil
}

// run runs git in the site folder with stdin, returning its output.
func (r *Repo) run(ctx context.Context, stdin []byte, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, r.git, args...)
	cmd.Dir = r.dir
	// Paths come back exactly as they are, not quoted with octal escapes.
	cmd.Env = append(cmd.Environ(), "GIT_CONFIG_COUNT=1", "GIT_CONFIG_KEY_0=core.quotePath", "GIT_CONFIG_VALUE_0=false")
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("git %s: %s", args[0], msg)
	}
	return out, nil
}
