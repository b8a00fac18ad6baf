package generator

import (
	"hash/maphash"
	"html/template"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/teamhandbook/handbook/generator/layout"
	"github.com/teamhandbook/handbook/generator/nav"
	"github.com/teamhandbook/handbook/generator/page"
)

// renderCache keeps what serve's rebuilds rendered, under keys that digest
// everything the output was made from: a view whose key is unchanged is not
// rendered again. A nil *renderCache (`handbook build`) renders everything.
type renderCache struct {
	seed maphash.Seed
	// base digests the theme's files and the configuration; every key
	// includes it, so changing a template re-renders everything.
	base uint64
	// sources digests every content file. It is in every key when the site
	// has templates of its own, which may read any page from any other:
	// then any change re-renders everything.
	sources uint64
	// pages holds each page's source digest, for this build.
	pages  map[*page.Page]uint64
	shapes map[*page.Page]shaped // for shape (navcache.go)

	renders atomic.Int64 // views rendered since the counter was last read

	mu       sync.Mutex
	views    map[string]cached // by URL
	bodies   map[string]cached // by page path
	sidebars map[uint64]template.HTML

	state pageState // for pageKey (pagekey.go)
	nav   navState  // for navTree (navcache.go)
	site  siteState // checkOutputs and sitemap (sitecache.go)
}

type cached struct {
	key  uint64
	html []byte
}

func newRenderCache() *renderCache {
	return &renderCache{
		seed:     maphash.MakeSeed(),
		views:    map[string]cached{},
		bodies:   map[string]cached{},
		sidebars: map[uint64]template.HTML{},
	}
}

// rendered returns the HTML kept for url if it was made under key.
func (c *renderCache) rendered(url string, key uint64) ([]byte, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.views[url]
	return v.html, ok && v.key == key
}

func (c *renderCache) keep(url string, key uint64, html []byte) {
	if c == nil {
		return
	}
	c.renders.Add(1)
	c.mu.Lock()
	c.views[url] = cached{key, html}
	c.mu.Unlock()
}

// bodyKey digests what a page's body HTML is made from: its source, where
// its links lead, and the Markdown options (in base).
func (c *renderCache) bodyKey(s *site, p *page.Page) uint64 {
	k := c.key()
	k.num(c.base)
	k.num(c.pages[p])
	k.links(s.targets[p])
	return k.sum()
}

func (c *renderCache) body(s *site, p *page.Page) (template.HTML, bool) {
	if c == nil {
		return "", false
	}
	key := c.bodyKey(s, p)
	c.mu.Lock()
	defer c.mu.Unlock()
	b, ok := c.bodies[p.Path]
	return template.HTML(b.html), ok && b.key == key
}

func (c *renderCache) keepBody(s *site, p *page.Page, html template.HTML) {
	if c == nil {
		return
	}
	key := c.bodyKey(s, p)
	c.mu.Lock()
	c.bodies[p.Path] = cached{key, []byte(html)}
	c.mu.Unlock()
}

// sidebar renders a sidebar tree, reusing the HTML of an identical tree.
// It runs before the parallel render, so it needs no lock.
func (c *renderCache) sidebar(theme *layout.Theme, items []*nav.Item) (sidebar, error) {
	if c == nil {
		html, err := theme.Sidebar(items)
		return sidebar{html: html}, err
	}
	k := c.key()
	k.num(c.base)
	k.items(items)
	key := k.sum()
	if html, ok := c.sidebars[key]; ok {
		return sidebar{html, key}, nil
	}
	html, err := theme.Sidebar(items)
	if err != nil {
		return sidebar{}, err
	}
	c.sidebars[key] = html
	return sidebar{html, key}, nil
}

// forget drops what no view of the current site uses, so that memory does
// not grow with every page ever renamed.
func (c *renderCache) forget(files map[string][]byte, paths map[string]bool) {
	for u := range c.views {
		if _, ok := files[layout.OutputPath(u)]; !ok {
			delete(c.views, u)
		}
	}
	for p := range c.bodies {
		if !paths[p] {
			delete(c.bodies, p)
		}
	}
	if len(c.sidebars) > len(files)+64 {
		clear(c.sidebars)
	}
}

// viewKey digests everything the default templates read to render v; see
// keyWriter.view, and pageKey for content pages. With nil c it is 0, unused.
func (c *renderCache) viewKey(s *site, v *layout.View, sb sidebar) uint64 {
	if c == nil {
		return 0
	}
	if v.Page != nil {
		return c.pageKey(s, v.Page, sb)
	}
	k := c.key()
	k.num(c.base)
	k.num(c.sources)
	k.num(sb.digest)
	k.view(v)
	return k.sum()
}

// sortedLinks returns m's keys in order, so that digests do not depend on
// map order.
func sortedLinks(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
