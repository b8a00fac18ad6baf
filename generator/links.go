package generator

import (
	"errors"
	"slices"
	"strings"

	"github.com/teamhandbook/handbook/generator/diag"
	"github.com/teamhandbook/handbook/generator/link"
	"github.com/teamhandbook/handbook/generator/page"
)

// resolveLinks checks every link in every body once, keeping the URL each
// one becomes for rendering and which pages link to which for the
// "Referenced by" lists.
func (s *site) resolveLinks(diags *diag.List) {
	resolver := s.resolver()
	s.links = map[*page.Page][]*page.Page{}
	s.targets = make(map[*page.Page]map[string]string, len(s.pages))
	linked := map[[2]*page.Page]bool{} // {target, source} pairs already recorded
	for _, p := range s.pages {
		urls := make(map[string]string, len(s.docs[p].Links))
		for _, l := range s.docs[p].Links {
			t, err := resolver.Resolve(p, l.Dest)
			if err != nil {
				rule := "link"
				if errors.Is(err, link.ErrAnchor) {
					rule = "anchor"
				}
				diags.Rule(rule).Errorf(p.BodyPos(l.Line, l.Col), "%v", err)
				continue
			}
			urls[l.Dest] = t.URL
			if t.Page != nil && t.Page != p && !linked[[2]*page.Page{t.Page, p}] {
				linked[[2]*page.Page{t.Page, p}] = true
				s.links[t.Page] = append(s.links[t.Page], p)
			}
		}
		s.targets[p] = urls
	}
	s.resolveOnboarding(resolver, diags)
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
	slices.SortFunc(out, func(a, b *page.Page) int { return strings.Compare(a.Title, b.Title) })
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
