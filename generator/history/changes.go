package history

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"time"
)

// Change is the last commit that touched a file.
type Change struct {
	Date   time.Time
	Author string
}

// Changes returns the last change of every file under the site folder dir
// that git knows of, keyed by slash path relative to the site
// ("content/a.md"). It runs exactly one git process, "git log" over the
// whole site, newest first, so the cost does not grow with the number of
// pages. Files not committed yet are absent. A folder outside a git
// checkout, or a repository without commits yet, has no history: Changes
// returns ErrNoRepository for the first and an empty map for the second.
func Changes(ctx context.Context, dir string) (map[string]Change, error) {
	git, err := exec.LookPath("git")
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNoRepository, err)
	}
	r := &Repo{git: git, dir: dir}
	// Each commit starts with a record separator, then date and author,
	// then the NUL-terminated names of the files it touched. --relative
	// and the pathspec "." limit it to the site folder, wherever that is in
	// the repository, so no "git rev-parse" is needed first.
	out, err := r.run(ctx, nil, "log", "--no-renames", "--relative", "--name-only", "-z",
		"--format=format:%x1e%aI%x1f%an", "--", ".")
	var gitErr *gitError
	switch {
	case errors.As(err, &gitErr) && gitErr.notRepository():
		return nil, fmt.Errorf("%w: %w", ErrNoRepository, err)
	case errors.As(err, &gitErr) && gitErr.unbornHead():
		return map[string]Change{}, nil
	case err != nil:
		return nil, err
	}
	changes := map[string]Change{}
	for _, commit := range bytes.Split(out, []byte{0x1e}) {
		head, files, ok := bytes.Cut(commit, []byte("\n"))
		if !ok {
			continue
		}
		date, author, ok := bytes.Cut(head, []byte{0x1f})
		if !ok {
			continue
		}
		when, err := time.Parse(time.RFC3339, string(date))
		if err != nil {
			continue
		}
		c := Change{Date: when, Author: string(author)}
		for _, f := range bytes.Split(files, []byte{0}) {
			name := string(bytes.TrimLeft(f, "\n"))
			if name == "" {
				continue
			}
			if _, seen := changes[name]; !seen {
				changes[name] = c
			}
		}
	}
	return changes, nil
}
