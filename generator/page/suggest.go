package page

import "github.com/teamhandbook/handbook/generator/typo"

// suggest returns the key closest to name, if it is close enough to be a
// likely misspelling: at most two edits away.
func suggest(name string, candidates []string) (string, bool) {
	return typo.Closest(name, candidates, 2)
}
