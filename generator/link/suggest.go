package link

import (
	"fmt"
	"path"
	"strings"

	"github.com/teamhandbook/handbook/generator/page"
)

// suggestPath returns the page path closest to the missing one, written
// relative to from as the writer would write it.
func (r *Resolver) suggestPath(from *page.Page, missing string) string {
	want := path.Base(missing)
	best, bestDist := "", max(2, len(want)/4)+1
	for p := range r.byPath {
		if d := distance(want, path.Base(p)); d < bestDist || d == bestDist && p < best {
			best, bestDist = p, d
		}
	}
	if best == "" {
		return ""
	}
	return relative(path.Dir(from.Path), best)
}

// suggestAnchor returns "; did you mean ..." for the heading id closest to a
// missing one, or "".
func (r *Resolver) suggestAnchor(p *page.Page, missing string) string {
	best, bestDist := "", max(2, len(missing)/3)+1
	for a := range r.anchors[p] {
		if d := distance(missing, a); d < bestDist || d == bestDist && a < best {
			best, bestDist = a, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", "#"+best)
}

// relative returns target as a path relative to the folder dir.
func relative(dir, target string) string {
	from := strings.Split(dir, "/")
	to := strings.Split(target, "/")
	i := 0
	for i < len(from) && i < len(to)-1 && from[i] == to[i] {
		i++
	}
	up := strings.Repeat("../", len(from)-i)
	return up + strings.Join(to[i:], "/")
}

// distance is the Levenshtein distance between a and b.
func distance(a, b string) int {
	s, t := []rune(a), []rune(b)
	prev := make([]int, len(t)+1)
	cur := make([]int, len(t)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(s); i++ {
		cur[0] = i
		for j := 1; j <= len(t); j++ {
			cost := 1
			if s[i-1] == t[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(t)]
}
