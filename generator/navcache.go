package generator

import (
	"slices"

	"github.com/teamhandbook/handbook/generator/nav"
	"github.com/teamhandbook/handbook/generator/page"
)

// navState is the navigation tree of serve's previous build and what it
// was made from.
type navState struct {
	tree   *nav.Tree
	pages  []*page.Page
	digest uint64
}

// navTree returns nav.Build(pages, extra...). In serve (c not nil) it
// returns the previous build's tree when nav.Build would make the same one:
// the same pages in the same order (a page's *page.Page is kept between
// builds and updated in place, see Builder.parse), each with the path,
// URL, title, weight and landing flag it had, and the same extra items.
// Then the crumbs, reading order and sidebars pageKey keeps per tree are
// kept too: a change to reports_to does not touch any of them.
func (c *renderCache) navTree(pages []*page.Page, extra []*nav.Item) *nav.Tree {
	if c == nil {
		return nav.Build(pages, extra...)
	}
	d := c.navDigest(pages, extra)
	if c.nav.tree != nil && c.nav.digest == d && slices.Equal(c.nav.pages, pages) {
		return c.nav.tree
	}
	t := nav.Build(pages, extra...)
	c.nav = navState{tree: t, pages: slices.Clone(pages), digest: d}
	return t
}

// navDigest digests what nav.Build reads of pages and extra.
func (c *renderCache) navDigest(pages []*page.Page, extra []*nav.Item) uint64 {
	k := c.key()
	k.int(len(pages))
	for _, p := range pages {
		k.num(c.shape(p))
	}
	k.items(extra)
	return k.sum()
}

// shaped is a page's shape digest and what it was made under.
type shaped struct{ src, base, digest uint64 }

// shape digests what nav.Build and checkOutputs read of a page: its path,
// URL, title, weight, landing flag and aliases with their positions. All
// come from the page's file, so the digest is kept while the file's
// digest (c.pages) is the same: a rebuild digests the pages that changed,
// not ten thousand paths and titles. It runs before pages are rendered in
// parallel, so it needs no lock.
func (c *renderCache) shape(p *page.Page) uint64 {
	if sh, ok := c.shapes[p]; ok && sh.src == c.pages[p] && sh.base == c.base {
		return sh.digest
	}
	k := c.key()
	k.str(p.Path)
	k.str(p.URL)
	k.str(p.Title)
	k.int(p.Meta.Weight)
	k.bool(p.Landing)
	k.int(len(p.Meta.Aliases))
	for _, a := range p.Meta.Aliases {
		k.str(a.Value)
		k.str(a.Pos.File)
		k.int(a.Pos.Line)
		k.int(a.Pos.Col)
	}
	d := k.sum()
	if c.shapes == nil || len(c.shapes) > 2*len(c.pages)+64 {
		c.shapes = make(map[*page.Page]shaped, len(c.pages))
	}
	c.shapes[p] = shaped{src: c.pages[p], base: c.base, digest: d}
	return d
}
