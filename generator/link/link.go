// Package link checks and rewrites the links in page bodies.
//
// Pages link to each other the way GitHub renders them in a pull request:
// by relative path to the .md file ("../processes/incident-response.md#on-call")
// or from the repository root ("/content/roles/cto.md"). On the site those
// become page URLs. Every link into the site is checked: the target page or
// file must exist, a #fragment must name a heading of the target, and no
// link may climb out of content/.
package link

import (
	"errors"
	"fmt"
	"net/url"
	"path"
	"strings"

	"github.com/teamhandbook/handbook/generator/page"
)

// Resolver maps link destinations written in one page to URLs on the site.
// It is built once per build and is safe for concurrent use.
type Resolver struct {
	base    string                // URL path the site is served under, "/" or "/handbook/"
	byPath  map[string]*page.Page // "content/roles/x.md"
	paths   []string              // the keys of byPath, in path order
	byURL   map[string]*page.Page // "/roles/x/"
	anchors map[*page.Page]map[string]bool
	dirs    map[string]string // "content/roles" → "/roles/", for folders with an index
	files   map[string]bool   // static files: "content/img/a.png"
	urls    map[string]bool   // generated URLs that are not pages: "/org/"
	drafts  map[string]bool   // paths of draft pages
}

// Target is what a link points to.
type Target struct {
	URL  string     // the destination to write, with the site's base path
	Page *page.Page // the linked page, or nil for files and outside links
}

// Site is what a Resolver needs to know of the site.
type Site struct {
	Base    string                  // URL path the site is served under: "/" or "/handbook/"
	Pages   []*page.Page            // published pages
	Anchors map[*page.Page][]string // each page's heading ids
	Dirs    map[string]string       // folders under content/ → the URL of their index
	Static  []string                // non-Markdown files under content/
	URLs    []string                // other URLs the site has: "/org/"
	Drafts  []string                // paths of draft pages, which are left out
}

// NewResolver indexes a site.
func NewResolver(site Site) *Resolver {
	r := &Resolver{
		base:    strings.TrimSuffix(site.Base, "/") + "/",
		byPath:  make(map[string]*page.Page, len(site.Pages)),
		byURL:   make(map[string]*page.Page, len(site.Pages)),
		anchors: make(map[*page.Page]map[string]bool, len(site.Pages)),
		dirs:    site.Dirs,
		files:   map[string]bool{},
		urls:    map[string]bool{},
		drafts:  map[string]bool{},
	}
	for _, p := range site.Pages {
		r.byPath[p.Path] = p
		r.paths = append(r.paths, p.Path)
		r.byURL[p.URL] = p
		set := make(map[string]bool, len(site.Anchors[p]))
		for _, a := range site.Anchors[p] {
			set[a] = true
		}
		r.anchors[p] = set
	}
	for _, f := range site.Static {
		r.files[f] = true
	}
	for _, u := range site.URLs {
		r.urls[u] = true
	}
	for _, d := range site.Drafts {
		r.drafts[d] = true
	}
	return r
}

// ErrAnchor matches (errors.Is) the error Resolve returns for a link to a
// heading that does not exist, as opposed to a page that does not.
var ErrAnchor = errors.New("no such heading")

type anchorError struct{ msg string }

func (e anchorError) Error() string        { return e.msg }
func (e anchorError) Is(target error) bool { return target == ErrAnchor }

// Resolve returns where dest, written in from, leads. A destination that
// leaves the site (another scheme or host) is returned unchanged. A broken
// link returns an error whose text is the diagnostic to show.
func (r *Resolver) Resolve(from *page.Page, dest string) (Target, error) {
	u, err := url.Parse(dest)
	if err != nil {
		return Target{URL: dest}, fmt.Errorf("link %q is not a valid URL", dest)
	}
	if u.Scheme != "" || u.Host != "" || u.Opaque != "" {
		return Target{URL: dest}, nil
	}
	frag := u.Fragment
	if u.Path == "" {
		if frag != "" && !r.anchors[from][frag] {
			return Target{URL: dest}, anchorError{fmt.Sprintf("link %q: this page has no heading with id %q%s", dest, frag, r.suggestAnchor(from, frag))}
		}
		return Target{URL: dest, Page: from}, nil
	}
	target, err := r.resolvePath(from, u.Path)
	if err != nil {
		return Target{URL: dest}, fmt.Errorf("link %q: %w", dest, err)
	}
	if frag != "" && target.Page != nil && !r.anchors[target.Page][frag] {
		return Target{URL: dest}, anchorError{fmt.Sprintf("link %q: %s has no heading with id %q%s", dest, target.Page.Path, frag, r.suggestAnchor(target.Page, frag))}
	}
	if u.RawQuery != "" {
		target.URL += "?" + u.RawQuery
	}
	if frag != "" {
		target.URL += "#" + u.EscapedFragment()
	}
	return target, nil
}

// resolvePath finds the page, folder or file a path names.
func (r *Resolver) resolvePath(from *page.Page, p string) (Target, error) {
	var candidates []string
	if strings.HasPrefix(p, "/") {
		// Written from the repository root, as GitHub reads it, or as a
		// URL path on the site.
		candidates = []string{path.Clean(p[1:]), path.Join("content", p)}
	} else {
		joined := path.Join(path.Dir(from.Path), p)
		if joined != "content" && !strings.HasPrefix(joined, "content/") {
			return Target{}, fmt.Errorf("leads out of content/ to %q; only files under content/ are published", joined)
		}
		candidates = []string{joined}
	}
	for _, c := range candidates {
		if pg, ok := r.byPath[c]; ok {
			return Target{URL: r.url(pg.URL), Page: pg}, nil
		}
		if u, ok := r.dirs[c]; ok {
			return Target{URL: r.url(u), Page: r.byURL[u]}, nil
		}
		if r.files[c] {
			return Target{URL: r.url(strings.TrimPrefix(c, "content"))}, nil
		}
	}
	if strings.HasPrefix(p, "/") {
		// A URL path on the site: "/roles/cto/" or "/org/".
		clean := path.Clean(p)
		if clean != "/" && path.Ext(clean) == "" {
			clean += "/"
		}
		if pg, ok := r.byURL[clean]; ok {
			return Target{URL: r.url(clean), Page: pg}, nil
		}
		if r.urls[clean] {
			return Target{URL: r.url(clean)}, nil
		}
	}
	for _, c := range candidates {
		if r.drafts[c] {
			return Target{}, fmt.Errorf("%s is a draft, and drafts are left out of the site", c)
		}
	}
	msg := fmt.Sprintf("no page or file %s", candidates[len(candidates)-1])
	if s := r.suggestPath(from, candidates[len(candidates)-1]); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	}
	return Target{}, fmt.Errorf("%s", msg)
}

func (r *Resolver) url(p string) string {
	if r.base == "/" && strings.HasPrefix(p, "/") {
		return p // the page's own string: at 100,000 pages, half a million fewer kept
	}
	return r.base + strings.TrimPrefix(p, "/")
}
