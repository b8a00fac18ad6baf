package generator

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/teamhandbook/handbook/generator/diag"
	"github.com/teamhandbook/handbook/generator/link"
	"github.com/teamhandbook/handbook/generator/page"
)

// resolveLinks checks every link in every body, and every onboarding
// item's link, once, keeping the URL each one becomes for rendering and
// which pages link to which for the "Referenced by" lists.
func (s *site) resolveLinks(diags *diag.List) {
	resolver := s.resolver()
	results := make([]*linkResult, len(s.pages))
	// The resolver and the pages are only read: one page per task. The
	// only error is a panic in a task, which goes on up (Build recovers).
	if err := parallel(context.Background(), len(s.pages), func(i int) error {
		results[i] = resolvePage(resolver, s, s.pages[i])
		return nil
	}); err != nil {
		panic(err)
	}
	s.useLinks(results, diags)
	// validate's sites are read once (serve resolves with its own
	// cache, linkcache.go): nothing reads a body's links after this, and
	// at 100,000 pages they are some 160 MB (heap profile).
	for _, d := range s.docs {
		d.Links = nil
	}
}

// linkResult is what one page's links resolve to. serve's Builder keeps
// it per page between rebuilds (linkcache.go).
type linkResult struct {
	urls    map[string]string // destination → site URL
	diags   diag.List
	targets []string // paths of the other pages linked, first link first
}

// resolvePage resolves the links of one page: those of its body, then
// those of its onboarding items. An item's link is checked on the page
// that writes it, as a body link of that page would be; the items are
// then shown on many onboarding paths with the URL found here.
func resolvePage(r *link.Resolver, s *site, p *page.Page) *linkResult {
	res := &linkResult{urls: make(map[string]string, len(s.docs[p].Links))}
	add := func(dest string, pos diag.Position, what string) {
		t, err := r.Resolve(p, dest)
		if err != nil {
			rule := "link"
			if errors.Is(err, link.ErrAnchor) {
				rule = "anchor"
			}
			res.diags.Rule(rule).Errorf(pos, "%s%v", what, err)
			return
		}
		res.urls[dest] = t.URL
		if t.Page != nil && t.Page != p && !slices.Contains(res.targets, t.Page.Path) {
			res.targets = append(res.targets, t.Page.Path)
		}
	}
	for _, l := range s.docs[p].Links {
		add(l.Dest, p.BodyPos(l.Line, l.Col), "")
	}
	for _, it := range p.Meta.Onboarding {
		if it.Link.Value != "" {
			add(it.Link.Value, it.Link.Pos, "onboarding ")
		}
	}
	return res
}

// useLinks records results, one per page of s.pages in order, as the
// site's links and backlinks, and their diagnostics in diags.
func (s *site) useLinks(results []*linkResult, diags *diag.List) {
	published := make(map[string]*page.Page, len(s.pages))
	for _, p := range s.pages {
		published[p.Path] = p
	}
	s.links = map[*page.Page][]*page.Page{}
	s.targets = make(map[*page.Page]map[string]string, len(s.pages))
	for i, p := range s.pages {
		r := results[i]
		*diags = append(*diags, r.diags...)
		s.targets[p] = r.urls
		for _, t := range r.targets {
			s.links[published[t]] = append(s.links[published[t]], p)
		}
	}
}

// resolver indexes what the site's links may lead to.
func (s *site) resolver() *link.Resolver {
	anchors := make(map[*page.Page][]string, len(s.pages))
	for _, p := range s.pages {
		for _, h := range s.docs[p].Headings {
			anchors[p] = append(anchors[p], h.ID)
		}
	}
	static := make([]string, len(s.static))
	for i, f := range s.static {
		static[i] = f.Path
	}
	drafts := make([]string, len(s.drafts))
	for i, d := range s.drafts {
		drafts[i] = d.Path
	}
	return link.NewResolver(link.Site{
		Base:    s.config.BasePath(),
		Pages:   s.pages,
		Anchors: anchors,
		Dirs:    s.tree.Dirs(),
		Static:  static,
		URLs:    append(generatedURLs(), s.growthURLs()...),
		Drafts:  drafts,
	})
}

// backlinks returns the pages that refer to p, by front matter or by link.
func (s *site) backlinks(p *page.Page) []*page.Page {
	out := slices.Clone(s.graph.ReferencedBy(p))
	// A set, not slices.Contains: a page every page links to (an on-call
	// process) made this quadratic in the size of the handbook.
	seen := make(map[*page.Page]bool, len(out))
	for _, q := range out {
		seen[q] = true
	}
	for _, q := range s.links[p] {
		if !seen[q] {
			seen[q] = true
			out = append(out, q)
		}
	}
	// By path among equal titles, so that the order does not depend on
	// the order links were found in (serve's rebuilds find them in another).
	slices.SortFunc(out, func(a, b *page.Page) int {
		return cmp.Or(strings.Compare(a.Title, b.Title), strings.Compare(a.Path, b.Path))
	})
	return out
}

// rewrite returns the function that turns link destinations written in p
// into the site URLs resolveLinks found for them.
func (s *site) rewrite(p *page.Page) func(string) string {
	urls := s.targets[p]
	return func(dest string) string {
		if u, ok := urls[dest]; ok {
			return u
		}
		return dest
	}
}
