package generator

import (
	"github.com/teamhandbook/handbook/generator/layout"
	"github.com/teamhandbook/handbook/generator/nav"
	"github.com/teamhandbook/handbook/generator/page"
)

// pageMeta gathers what p's footer says about it: owner, last change from
// git, review date.
func (s *site) pageMeta(p *page.Page) layout.PageMeta {
	var m layout.PageMeta
	m.Owner, _ = s.graph.OwnerOf(p)
	if s.history != nil {
		if c, ok := s.history()[p.Path]; ok {
			m.Updated, m.UpdatedBy = c.Date, c.Author
		}
	}
	m.ReviewBy = p.Meta.ReviewBy.Time
	m.Overdue = s.overdue(p)
	return m
}

// reviewNav is the sidebar's link to /needs-review/, there only when some
// page is past its review date: a reader finds the list when it matters,
// and an empty list is not worth a link on every page.
func (s *site) reviewNav() []*nav.Item {
	for _, p := range s.pages {
		if s.overdue(p) {
			return []*nav.Item{{Title: "Needs review", URL: "/needs-review/"}}
		}
	}
	return nil
}

// reviewView is the generated page that lists the pages past their
// review_by date, grouped by owner.
func (s *site) reviewView() *layout.View {
	v := s.view("/needs-review/", "Needs review")
	v.Kind = "review"
	v.Summary = "Pages past their review_by date, by owner."
	v.Reviews = s.reviews()
	return v
}
