package generator

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/teamhandbook/handbook/generator/diag"
	"github.com/teamhandbook/handbook/generator/layout"
	"github.com/teamhandbook/handbook/generator/page"
)

// today returns the date review_by is compared with, from the configured
// clock so that tests do not depend on the day they run.
func (cfg Config) today() time.Time {
	now := time.Now
	if cfg.Now != nil {
		now = cfg.Now
	}
	y, m, d := now().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// overdue reports whether p's review_by has passed.
func (s *site) overdue(p *page.Page) bool {
	r := p.Meta.ReviewBy.Time
	return !r.IsZero() && r.Before(s.today)
}

// checkReviews warns about every page past its review date. It is a
// warning, not an error: an old page is still worth publishing.
func (s *site) checkReviews(diags *diag.List) {
	for _, p := range s.pages {
		if !s.overdue(p) {
			continue
		}
		who := "its owner"
		if r, ok := s.graph.OwnerOf(p); ok {
			who = "its owner, " + r.ID() + ","
		}
		diags.Rule("review").Warnf(p.Meta.ReviewBy.Pos, "review_by %s has passed: %s should check the page is still true and set a new date",
			p.Meta.ReviewBy, who)
	}
}

// reviews groups the pages past their review date by owner, owners by
// title, the pages nobody owns last; each group's pages oldest date first.
func (s *site) reviews() []layout.ReviewGroup {
	var groups []layout.ReviewGroup
	var orphans []*page.Page
	for _, p := range s.pages {
		if !s.overdue(p) {
			continue
		}
		r, ok := s.graph.OwnerOf(p)
		if !ok {
			orphans = append(orphans, p)
			continue
		}
		i := slices.IndexFunc(groups, func(g layout.ReviewGroup) bool { return g.Owner == r })
		if i < 0 {
			groups = append(groups, layout.ReviewGroup{Owner: r})
			i = len(groups) - 1
		}
		groups[i].Pages = append(groups[i].Pages, p)
	}
	slices.SortFunc(groups, func(a, b layout.ReviewGroup) int {
		return cmp.Or(strings.Compare(a.Owner.Page.Title, b.Owner.Page.Title), strings.Compare(a.Owner.ID(), b.Owner.ID()))
	})
	if len(orphans) > 0 {
		groups = append(groups, layout.ReviewGroup{Pages: orphans})
	}
	for _, g := range groups {
		slices.SortStableFunc(g.Pages, func(a, b *page.Page) int {
			return cmp.Or(a.Meta.ReviewBy.Time.Compare(b.Meta.ReviewBy.Time), strings.Compare(a.Title, b.Title))
		})
	}
	return groups
}
