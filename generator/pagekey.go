package generator

import (
	"context"

	"github.com/teamhandbook/handbook/generator/layout"
	"github.com/teamhandbook/handbook/generator/nav"
	"github.com/teamhandbook/handbook/generator/page"
)

// A content page's cache key is made without making its view: after a
// change to one page's front matter, serve digests all ten thousand pages
// of a large handbook to find the few to render again, and making every
// view (breadcrumbs, sorted backlinks, table of contents) took longer than
// rendering those few. The parts that cost are digested apart and kept:
//
//   - its place in the navigation (breadcrumbs, previous and next), per
//     URL for as long as the navigation tree is the same one (navTree);
//   - its sidebar, per sidebar key, likewise;
//   - its backlinks, as two sets of pages (those whose front matter names
//     it, those that link to it), each page digested once per build as
//     lists show it. The view sorts backlinks by title and path, both in
//     that digest, so the sets decide the list.
//
// The rest of the view is made as pageView makes it (pageOwn) and digested
// field by field (keyWriter.own).

// pageState is what pageKey reads besides the site, made by prepare before
// pages are digested in parallel and only read while they are.
type pageState struct {
	tree   *nav.Tree
	base   uint64             // c.base when places and bars were made
	places map[string]uint64  // content page URL → digest of its place in tree
	bars   map[string]sidebar // sidebar key → the sidebar
	// complete says places and bars hold every page of tree (the tree
	// holds the same pages for as long as it is kept: navTree).
	complete bool
	listed   map[*page.Page]listed // each page as lists show it
	links    map[string]uint64     // page path → digest of s.targets[p] (linkCache.digests)
}

// listed is the digest of a page as a list shows it (keyWriter.pageLink),
// with its path, and the source digest it was made from.
type listed struct {
	src, base, digest uint64
}

// prepare brings the state pageKey reads up to date for pages of s.
func (c *renderCache) prepare(s *site, theme *layout.Theme, pages []*page.Page) error {
	st := &c.state
	if st.tree != s.tree || st.base != c.base {
		st.tree, st.base, st.complete = s.tree, c.base, false
		st.places = make(map[string]uint64, len(s.pages))
		st.bars = map[string]sidebar{}
	}
	all := len(pages) == len(s.pages)
	for _, p := range pages {
		if st.complete {
			break // every page of the tree has its place and sidebar
		}
		if _, ok := st.places[p.URL]; !ok {
			st.places[p.URL] = c.place(s.tree, p.URL)
		}
		if _, err := c.sidebarAt(theme, s.tree, p.URL); err != nil {
			return err
		}
	}
	if all {
		st.complete = true
	}
	if st.listed == nil || len(st.listed) > 2*len(s.pages) {
		st.listed = make(map[*page.Page]listed, len(s.pages))
	}
	for _, p := range pages {
		if l, ok := st.listed[p]; !ok || l.src != c.pages[p] || l.base != c.base {
			st.listed[p] = listed{src: c.pages[p], base: c.base, digest: c.listedDigest(p)}
		}
	}
	return nil
}

// sidebarAt returns the sidebar of the page at url in t, kept per sidebar
// key while t is the tree prepare last saw. It runs before pages are
// rendered in parallel, so it needs no lock.
func (c *renderCache) sidebarAt(theme *layout.Theme, t *nav.Tree, url string) (sidebar, error) {
	if c == nil || c.state.tree != t || c.state.base != c.base {
		return c.sidebar(theme, t.SidebarFor(url))
	}
	key := t.SidebarKey(url)
	if sb, ok := c.state.bars[key]; ok {
		return sb, nil
	}
	sb, err := c.sidebar(theme, t.SidebarFor(url))
	if err != nil {
		return sidebar{}, err
	}
	c.state.bars[key] = sb
	return sb, nil
}

// place digests the navigation around url.
func (c *renderCache) place(t *nav.Tree, url string) uint64 {
	k := c.key()
	prev, next := t.PrevNext(url)
	k.place(t.Breadcrumbs(url), prev, next)
	return k.sum()
}

func (c *renderCache) listedDigest(p *page.Page) uint64 {
	k := c.key()
	k.str(p.Path)
	k.pageLink(p)
	return k.sum()
}

// listedOf returns p's list digest, made now for a page prepare did not
// see (a draft, or in a rebuild of bodies a page not rendered).
func (c *renderCache) listedOf(p *page.Page) uint64 {
	if l, ok := c.state.listed[p]; ok && l.src == c.pages[p] && l.base == c.base {
		return l.digest
	}
	return c.listedDigest(p)
}

// backlinks digests the pages that refer to p, as the sets backlinks
// merges: a sum of page digests does not depend on their order.
func (c *renderCache) backlinks(s *site, p *page.Page) (byMeta, byLink uint64, nMeta, nLink int) {
	refs := s.graph.ReferencedBy(p)
	for _, q := range refs {
		byMeta += c.listedOf(q)
	}
	links := s.links[p]
	for _, q := range links {
		byLink += c.listedOf(q)
	}
	return byMeta, byLink, len(refs), len(links)
}

// pageKey digests everything the default templates read to render p's
// page, as viewKey does for a view, with sb its sidebar.
func (c *renderCache) pageKey(s *site, p *page.Page, sb sidebar) uint64 {
	k := c.key()
	k.num(c.base)
	k.num(c.sources)
	k.num(sb.digest)
	k.num(c.pages[p])
	k.num(c.state.links[p.Path]) // s.targets[p], digested when resolved
	k.num(c.state.places[p.URL])
	byMeta, byLink, nMeta, nLink := c.backlinks(s, p)
	k.num(byMeta)
	k.num(byLink)
	k.int(nMeta)
	k.int(nLink)
	k.own(s.pageOwn(p, s.bareView(p.URL, p.Title)))
	return k.sum()
}

// reusePages writes to out every content page whose key is that of its
// last render, from the cache, and returns the views left to render (the
// other content pages and every generated page) and how many it wrote.
func (b *Builder) reusePages(ctx context.Context, s *site, theme *layout.Theme, out output) ([]*layout.View, int, error) {
	c := b.cache
	if err := c.prepare(s, theme, s.pages); err != nil {
		return nil, 0, err
	}
	stale := make([]bool, len(s.pages))
	err := parallel(ctx, len(s.pages), func(i int) error {
		p := s.pages[i]
		key := c.pageKey(s, p, c.state.bars[s.tree.SidebarKey(p.URL)])
		if html, ok := c.rendered(p.URL, key); ok {
			return out.WriteFile(layout.OutputPath(p.URL), html)
		}
		stale[i] = true
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	var views []*layout.View
	for i, p := range s.pages {
		if stale[i] {
			views = append(views, s.pageView(p))
		}
	}
	return append(views, s.generatedViews()...), len(s.pages) - len(views), nil
}
