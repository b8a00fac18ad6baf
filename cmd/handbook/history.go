package main

import (
	"context"
	"errors"
	"fmt"
	"io"

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
