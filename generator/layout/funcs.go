package layout

import (
	"fmt"
	"html/template"
	"io"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/teamhandbook/handbook/generator/markdown"
	"github.com/teamhandbook/handbook/generator/org"
	"github.com/teamhandbook/handbook/generator/page"
)

// funcs are the functions templates may call. They are documented in
// README.md for theme authors.
func (t *Theme) funcs(g *org.Graph) template.FuncMap {
	return template.FuncMap{
		"url":       t.URL,
		"asset":     func(name string) string { return t.assetURL[name] },
		"kindLabel": func(k any) string { return capitalize(kindString(k)) },
		"kindPlural": func(k any) string {
			if s := kindString(k); s == string(page.KindProcess) {
				return "Processes"
			} else {
				return capitalize(s) + "s"
			}
		},
		"role": func(p *page.Page) *org.Role {
			r, _ := g.RoleOf(p)
			return r
		},
		"headcount": func(roles []*org.Role) string { return org.Headcount(roles).String() },
		"externals": func(roles []*org.Role) int {
			n := 0
			for _, r := range roles {
				if r.External() {
					n++
				}
			}
			return n
		},
		"subtree": g.Subtree,
		// others names the alternatives to one manager: "A, B or C".
		"others": func(roles []*org.Role, except *org.Role) string {
			var names []string
			for _, r := range roles {
				if r != except {
					names = append(names, r.Page.Title)
				}
			}
			if len(names) < 2 {
				return strings.Join(names, "")
			}
			return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
		},
		"list":      func(v ...*org.Node) []*org.Node { return v },
		"once":      t.once,
		"link":      t.link,
		"backlinks": t.backlinks,
		"toc":       t.toc,
		"inc":       func(i int) int { return i + 1 },
		"sub":       func(a, b int) int { return a - b },
	}
}

// once returns the output of the partial name, rendered without data the
// first time it is asked for and kept for the rest of the build. Every
// action costs a reflective call per escaper per page; the asset links and
// fixed navigation of the frame would otherwise be a large share of a
// page's template time.
func (t *Theme) once(name string) (template.HTML, error) {
	if v, ok := t.onces.Load(name); ok {
		return v.(template.HTML), nil
	}
	var buf strings.Builder
	if err := t.pages["page.html"].ExecuteTemplate(&buf, name, nil); err != nil {
		return "", err
	}
	html := template.HTML(buf.String())
	t.onces.Store(name, html)
	return html, nil
}

// link returns a link to the site path u reading title, as the template
// <a href="{{url u}}">{{title}}</a> writes it (it is that template). Pages
// link to the same pages over and over (breadcrumbs, backlinks, roles):
// each link is rendered once and kept, which spares the url function and
// three escapers per link on every page.
func (t *Theme) link(u, title string) (template.HTML, error) {
	return t.links.get(linkKey{u, title}, t.linkTmpl.Execute)
}

// backlinks renders the partial "backlink" for each page of ps, with a
// backlinkKey as its data, and joins them. A role or team page is linked
// from a hundred pages; ranging over them in the template made four
// reflective calls per item (link, kindLabel and their escapers), 1.1 of
// the 2.7 CPU-seconds of templates in a 10,000-page build.
func (t *Theme) backlinks(ps []*page.Page) (template.HTML, error) {
	return join(&t.backlinkItems, t.partial("backlink"), ps, func(p *page.Page) backlinkKey {
		return backlinkKey{URL: p.URL, Title: p.Title, Kind: string(p.Kind)}
	})
}

// backlinkKey is what the partial "backlink" gets: a page's path, title
// and kind.
type backlinkKey struct{ URL, Title, Kind string }

// toc renders the partial "tocitem" for each heading of hs, with a tocKey
// as its data, and joins them, for the reason backlinks does: a
// 10,000-page handbook has 78,000 entries in its tables of contents, and
// many of their headings ("Overview", "Responsibilities") recur.
func (t *Theme) toc(hs []markdown.Heading) (template.HTML, error) {
	return join(&t.tocItems, t.partial("tocitem"), hs, func(h markdown.Heading) tocKey {
		return tocKey{Level: h.Level, ID: h.ID, Text: h.Text}
	})
}

// tocKey is what the partial "tocitem" gets: a heading's level, id and
// text.
type tocKey struct {
	Level    int
	ID, Text string
}

// maxTOCItems is the most table-of-contents entries a Theme keeps.
const maxTOCItems = 1 << 14

// join renders each item of items, by its key, through c and joins the
// HTML: the loop backlinks and toc share.
func join[E any, K comparable](c *itemCache[K], render func(io.Writer, any) error, items []E, key func(E) K) (template.HTML, error) {
	var b strings.Builder
	for _, e := range items {
		html, err := c.get(key(e), render)
		if err != nil {
			return "", err
		}
		b.WriteString(string(html))
	}
	return template.HTML(b.String()), nil
}

// partial returns a function that renders the partial name of base.html.
func (t *Theme) partial(name string) func(io.Writer, any) error {
	return func(w io.Writer, data any) error { return t.pages["page.html"].ExecuteTemplate(w, name, data) }
}

// itemCache holds what link, backlinks and toc rendered, by the data it
// was rendered from: strings, not pages, since serve renders with one
// Theme while pages change under it. A typed map: sync.Map's hashing of
// an interface key took longer than the rest of a list's rendering, and
// its lookups slowed as it grew (4 CPU-seconds at 100,000 pages).
//
// A cache with a limit stops growing there. Links and backlinks recur
// (a page is linked from 16 others on average), and there is one of each
// per page linked to; most headings are unique to their page, and a cache
// of them would grow with the site, marked by every garbage collection,
// while the headings that recur ("Overview") recur early.
type itemCache[K comparable] struct {
	limit int // 0: none
	mu    sync.RWMutex
	m     map[K]template.HTML
}

// get returns what render writes for k, rendering it the first time k is
// seen, or every time once the cache is full.
func (c *itemCache[K]) get(k K, render func(io.Writer, any) error) (template.HTML, error) {
	c.mu.RLock()
	v, ok := c.m[k]
	full := c.limit > 0 && len(c.m) >= c.limit
	c.mu.RUnlock()
	if ok {
		return v, nil
	}
	var buf strings.Builder
	if err := render(&buf, k); err != nil {
		return "", err
	}
	v = template.HTML(buf.String())
	if !full {
		c.mu.Lock()
		if c.m == nil {
			c.m = map[K]template.HTML{}
		}
		c.m[k] = v
		c.mu.Unlock()
	}
	return v, nil
}

// linkKey is a link's path and text. The cache holds strings, not pages:
// serve renders with one Theme while pages change under it.
type linkKey struct{ URL, Title string }

// URL prefixes a site path with the path the site is served under.
func (t *Theme) URL(p string) string {
	return t.base + strings.TrimPrefix(p, "/")
}

// kindString is fmt.Sprint(k), without fmt's reflection for the kinds
// templates pass: a page.Kind or a string.
func kindString(k any) string {
	switch k := k.(type) {
	case page.Kind:
		return string(k)
	case string:
		return k
	}
	return fmt.Sprint(k)
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}
