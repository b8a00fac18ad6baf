package generator

import (
	"slices"

	"github.com/teamhandbook/handbook/generator/diag"
	"github.com/teamhandbook/handbook/generator/link"
	"github.com/teamhandbook/handbook/generator/page"
)

// resolveLinks checks every link in every body and records which pages link
// to which, for the "Referenced by" lists.
func (s *site) resolveLinks(diags *diag.List) {
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
	s.resolver = link.NewResolver(link.Site{
		Base:    s.config.BasePath(),
		Pages:   s.pages,
		Anchors: anchors,
		Dirs:    s.tree.Dirs(),
		Static:  static,
		URLs:    generatedURLs(),
		Drafts:  drafts,
	})
	s.links = map[*page.Page][]*page.Page{}
	for _, p := range s.pages {
		for _, l := range s.docs[p].Links {
			t, err := s.resolver.Resolve(p, l.Dest)
			if err != nil {
				diags.Errorf(p.BodyPos(l.Line, l.Col), "%v", err)
				continue
			}
			if t.Page != nil && t.Page != p && !slices.Contains(s.links[t.Page], p) {
				s.links[t.Page] = append(s.links[t.Page], p)
			}
		}
	}
}

// backlinks returns the pages that refer to p, by front matter or by link.
func (s *site) backlinks(p *page.Page) []*page.Page {
	out := slices.Clone(s.graph.ReferencedBy(p))
	for _, q := range s.links[p] {
		if !slices.Contains(out, q) {
			out = append(out, q)
		}
	}
	slices.SortFunc(out, func(a, b *page.Page) int {
		if a.Title < b.Title {
			return -1
		}
		if a.Title > b.Title {
			return 1
		}
		return 0
	})
	return out
}

// rewrite returns the function that turns link destinations written in p
// into site URLs. Links were checked before rendering, so failures here keep
// the destination as written.
func (s *site) rewrite(p *page.Page) func(string) string {
	return func(dest string) string {
		t, err := s.resolver.Resolve(p, dest)
		if err != nil {
			return dest
		}
		return t.URL
	}
}
