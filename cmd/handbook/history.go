package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/teamhandbook/handbook/generator/config"
	"github.com/teamhandbook/handbook/generator/diag"
	"github.com/teamhandbook/handbook/generator/history"
)

// siteHistory reads when each file of the site last changed, for "Last
// updated". Outside a git checkout there is none, and that is not a problem;
// a git that fails is worth a warning, not a failed build.
func siteHistory(ctx context.Context, dir string, stderr io.Writer) map[string]history.Change {
	changes, err := history.Changes(ctx, dir)
	if errors.Is(err, history.ErrNoRepository) {
		return nil
	}
	if err != nil {
		fmt.Fprintf(stderr, "warning: no last-updated dates: %v\n", err)
		return nil
	}
	return changes
}

// historyLater starts reading the site's history and returns a function
// that waits for it: git's log over a repository's whole history takes as
// long as building a small handbook, so it runs while the pages load.
func historyLater(ctx context.Context, dir string, stderr io.Writer) func() map[string]history.Change {
	done := make(chan map[string]history.Change, 1)
	go func() { done <- siteHistory(ctx, dir, stderr) }()
	return sync.OnceValue(func() map[string]history.Change { return <-done })
}

// editRepoDir returns the site folder dir inside its git repository when
// "Edit this page" links are built from handbook.yaml's repository and
// branch: the repository's addresses start at its root. It asks git only
// then, so that other builds run one git process, for the dates.
func editRepoDir(ctx context.Context, dir string) string {
	site, _, err := config.Load(os.DirFS(dir))
	if err != nil || site.EditURL != "" || site.Repository == "" {
		return ""
	}
	return repoDir(ctx, dir)
}

// repoDir returns the site folder dir inside its git repository, "" at the
// root or outside git.
func repoDir(ctx context.Context, dir string) string {
	repo, err := history.Open(ctx, dir)
	if err != nil {
		return ""
	}
	return repo.Prefix()
}

// inRepository returns l with every file named from the repository's root
// rather than the site's, for tools that read paths from the root (GitHub
// annotations).
func inRepository(l diag.List, prefix string) diag.List {
	if prefix == "" {
		return l
	}
	out := make(diag.List, len(l))
	for i, d := range l {
		if d.Pos.File != "" {
			d.Pos.File = prefix + d.Pos.File
		}
		out[i] = d
	}
	return out
}
