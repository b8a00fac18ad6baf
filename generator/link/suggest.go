package link

import (
	"fmt"
	"path"
	"strings"

	"github.com/teamhandbook/handbook/generator/page"
	"github.com/teamhandbook/handbook/generator/typo"
)

// suggestPath returns the page path closest to the missing one, written
// relative to from as the writer would write it.
func (r *Resolver) suggestPath(from *page.Page, missing string) string {
	want := path.Base(missing)
	names := map[string]string{} // file name → path; the first path wins
	var bases []string
	for _, p := range r.paths {
		if _, ok := names[path.Base(p)]; !ok {
			names[path.Base(p)] = p
			bases = append(bases, path.Base(p))
		}
	}
	best, ok := typo.Closest(want, bases, max(2, typo.Limit(len(want))))
	if !ok {
		return ""
	}
	return relative(path.Dir(from.Path), names[best])
}

// suggestAnchor returns "; did you mean ..." for the heading id closest to a
// missing one, or "".
func (r *Resolver) suggestAnchor(p *page.Page, missing string) string {
	ids := make([]string, 0, len(r.anchors[p]))
	for a := range r.anchors[p] {
		ids = append(ids, a)
	}
	best, ok := typo.Closest(missing, ids, max(2, typo.Limit(len(missing))))
	if !ok {
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
