package history

import (
	"bytes"
	"context"
	"time"
)

// Change is the last commit that touched a file.
type Change struct {
	Date   time.Time
	Author string
}

// Changes returns the last change of every file under the site folder that
// git knows of, keyed by slash path relative to the site ("content/a.md").
// It reads the whole history in one "git log", newest first, so the cost
// does not grow with one git process per page. Files not committed yet are
// absent.
func (r *Repo) Changes(ctx context.Context) (map[string]Change, error) {
	// Each commit starts with a record separator, then date and author,
	// then the NUL-terminated names of the files it touched.
	out, err := r.run(ctx, nil, "log", "--no-renames", "--relative", "--name-only", "-z",
		"--format=format:%x1e%aI%x1f%an", "--", ".")
	if err != nil {
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
