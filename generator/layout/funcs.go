package layout

import (
	"fmt"
	"html/template"
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
	k := linkKey{u, title}
	if v, ok := t.links.Load(k); ok {
		return v.(template.HTML), nil
	}
	var buf strings.Builder
	if err := t.linkTmpl.Execute(&buf, k); err != nil {
		return "", err
	}
	html := template.HTML(buf.String())
	t.links.Store(k, html)
	return html, nil
}

// backlinks renders the partial "backlink" for each page of ps, with a
// backlinkKey as its data, and joins them. A role or team page is linked
// from a hundred pages; ranging over them in the template made four
// reflective calls per item (link, kindLabel and their escapers), 1.1 of
// the 2.7 CPU-seconds of templates in a 10,000-page build.
func (t *Theme) backlinks(ps []*page.Page) (template.HTML, error) {
	var b strings.Builder
	for _, p := range ps {
		if err := t.backlinkItems.write(&b, t, "backlink", backlinkKey{URL: p.URL, Title: p.Title, Kind: string(p.Kind)}); err != nil {
			return "", err
		}
	}
	return template.HTML(b.String()), nil
}

// backlinkKey is what the partial "backlink" gets: a page's path, title
// and kind.
type backlinkKey struct{ URL, Title, Kind string }

// toc renders the partial "tocitem" for each heading of hs, with a tocKey
// as its data, and joins them, for the reason backlinks does: a
// 10,000-page handbook has 78,000 entries in its tables of contents, and
// most of their headings ("Overview", "Responsibilities") recur.
func (t *Theme) toc(hs []markdown.Heading) (template.HTML, error) {
	var b strings.Builder
	for _, h := range hs {
		if err := t.tocItems.write(&b, t, "tocitem", tocKey{Level: h.Level, ID: h.ID, Text: h.Text}); err != nil {
			return "", err
		}
	}
	return template.HTML(b.String()), nil
}

// tocKey is what the partial "tocitem" gets: a heading's level, id and
// text.
type tocKey struct {
	Level    int
	ID, Text string
}

// itemCache holds the partials backlinks and toc rendered, by their data:
// strings, not pages, since serve renders with one Theme while pages
// change under it. A typed map: sync.Map's hashing of an interface key
// took longer than the rest of a list's rendering.
type itemCache[K comparable] struct {
	mu sync.RWMutex
	m  map[K]template.HTML
}

// write writes the partial name rendered with k, rendering it the first
// time k is seen.
func (c *itemCache[K]) write(b *strings.Builder, t *Theme, name string, k K) error {
	c.mu.RLock()
	v, ok := c.m[k]
	c.mu.RUnlock()
	if !ok {
		var buf strings.Builder
		if err := t.pages["page.html"].ExecuteTemplate(&buf, name, k); err != nil {
			return err
		}
		v = template.HTML(buf.String())
		c.mu.Lock()
		if c.m == nil {
			c.m = map[K]template.HTML{}
		}
		c.m[k] = v
		c.mu.Unlock()
	}
	b.WriteString(string(v))
	return nil
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
