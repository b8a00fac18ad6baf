package nav

import (
	"cmp"
	"slices"
	"strings"

	"github.com/teamhandbook/handbook/generator/org"
	"github.com/teamhandbook/handbook/generator/page"
)

// sort orders every section's pages and subsections: by weight, then title.
func (t *Tree) sort(s *Section) {
	org.SortPages(s.Pages)
	kindRank := func(k page.Kind) int {
		if k == "" {
			return len(page.Kinds)
		}
		return slices.Index(page.Kinds, k)
	}
	slices.SortFunc(s.Sections, func(a, b *Section) int {
		if c := cmp.Compare(kindRank(a.Kind), kindRank(b.Kind)); c != 0 {
			return c
		}
		if c := cmp.Compare(a.weight, b.weight); c != 0 {
			return c
		}
		return strings.Compare(strings.ToLower(a.Title), strings.ToLower(b.Title))
	})
	for _, c := range s.Sections {
		t.sort(c)
	}
}
