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

// Prefix returns the site folder inside the repository: "" at its root,
// else a slash path ending in "/", such as "docs/handbook/".
func (r *Repo) Prefix() string { return r.prefix }

// run runs git in the site folder with stdin, returning its output.
func (r *Repo) run(ctx context.Context, stdin []byte, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, r.git, args...)
	cmd.Dir = r.dir
	// Paths come back exactly as they are because every command that lists
	// them is run with -z. The user's own configuration (GIT_CONFIG_*,
	// safe.directory) is left alone. Messages are in English, so that the
	// few that mean "no history" can be told apart.
	cmd.Env = append(cmd.Environ(), "LC_ALL=C")
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
		return nil, &gitError{command: args[0], message: msg}
	}
	return out, nil
}

// gitError is a git command that failed, with what it said.
type gitError struct{ command, message string }

func (e *gitError) Error() string { return "git " + e.command + ": " + e.message }

// notRepository reports whether git failed because the folder is not in a
// git checkout.
func (e *gitError) notRepository() bool {
	return strings.Contains(e.message, "not a git repository")
}

// unbornHead reports whether git failed because the repository has no
// commits yet: a fresh "git init" (older gits say "bad default revision").
func (e *gitError) unbornHead() bool {
	return strings.Contains(e.message, "does not have any commits yet") ||
		strings.Contains(e.message, "bad default revision 'HEAD'")
}
