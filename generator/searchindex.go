package generator

import (
	"context"
	"fmt"
	"html/template"
	"runtime/debug"
	"strings"

	"github.com/teamhandbook/handbook/generator/layout"
	"github.com/teamhandbook/handbook/generator/markdown"
	"github.com/teamhandbook/handbook/generator/org"
	"github.com/teamhandbook/handbook/generator/page"
	"github.com/teamhandbook/handbook/generator/search"
)

// searchURL is the full search page, also the target of the header's
// search form when scripts do not run.
const searchURL = "/search/"

// searchPage is what the search index needs of p. It depends on p, its
// parsed body and the org graph only, so that it can be kept per page
// between builds and the index re-assembled from the pieces. When lazy,
// the page's text is read (from the stash) only when the index asks for
// it: see search.Page.Text.
func (s *site) searchPage(p *page.Page, lazy bool) (search.Page, error) {
	sp := search.Page{URL: p.URL, Title: p.Title, Kind: string(p.Kind), Summary: p.Meta.Summary.Value}
	var crumbs []string
	for _, c := range s.tree.Breadcrumbs(p.URL) {
		crumbs = append(crumbs, c.Title)
	}
	sp.Crumbs = strings.Join(crumbs, " › ")
	if r, ok := s.graph.RoleOf(p); ok && r.Team != nil {
		sp.Team = r.Team.Page.Title
	}
	if _, ok := s.graph.TeamOf(p); ok {
		sp.Team = p.Title
	}
	if lazy {
		sp.Text = func() (string, []search.Section, error) { return s.searchText(p) }
		return sp, nil
	}
	var err error
	sp.Intro, sp.Sections, err = s.searchText(p)
	return sp, err
}

// searchText is the text of p the index searches: its body by section,
// what its front matter says of the organisation, and its skills.
func (s *site) searchText(p *page.Page) (string, []search.Section, error) {
	intro, secs, err := s.sections(p)
	if err != nil {
		return "", nil, err
	}
	var out []search.Section
	var h2 string
	for _, sec := range secs {
		path := []string{p.Title}
		if sec.Level == 2 {
			h2 = sec.Title
		} else if h2 != "" {
			path = append(path, h2)
		}
		out = append(out, search.Section{ID: sec.ID, Title: sec.Title, Path: path, Text: sec.Text})
	}
	// A role's skills live in front matter; the role template shows them
	// under #hb-skills, so that is where a search for one leads.
	// With skill pages, a role names skills by id; readers search by name.
	if sk := p.Meta.Skills; len(sk.Required)+len(sk.Preferred) > 0 {
		var text []string
		if r, ok := s.graph.RoleOf(p); ok && r.Skills.Any() {
			for _, k := range append(append([]*org.Skill{}, r.Skills.Required...), r.Skills.Preferred...) {
				text = append(text, k.Name)
			}
		} else {
			for _, t := range append(append([]page.Text{}, sk.Required...), sk.Preferred...) {
				text = append(text, t.Value)
			}
		}
		out = append(out, search.Section{ID: "hb-skills", Title: "Skills", Path: []string{p.Title}, Text: strings.Join(text, ". ")})
	}
	return intro + s.searchWho(p), out, nil
}

// docText is a parsed body's text, by section.
type docText struct {
	intro    string
	sections []markdown.Section
}

// sections returns p's text by section. serve's Builder keeps it by
// parsed body (s.texts), since a rebuild re-parses only changed pages:
// extracting the text of 10,000 pages took 250 ms.
func (s *site) sections(p *page.Page) (string, []markdown.Section, error) {
	if pb, ok := s.prepared[p]; ok { // Build: taken while loading
		return s.ph.text(pb)
	}
	d := s.docs[p]
	if t, ok := s.texts[d]; ok {
		return t.intro, t.sections, nil
	}
	intro, secs := d.Sections()
	if s.texts != nil {
		s.texts[d] = docText{intro, secs}
	}
	return intro, secs, nil
}

// SearchPages reads and checks the site like Check and returns the records
// the search index of a build is made from, one per published page, so that
// the index build can be measured on its real input. It returns an error
// when the site cannot be read or has errors.
func SearchPages(ctx context.Context, cfg Config) (pages []search.Page, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error (please report it): %v\n%s", r, debug.Stack())
		}
	}()
	rep := &Report{}
	s, err := validate(ctx, cfg, &rep.Diagnostics, needText)
	if err != nil {
		return nil, err
	}
	defer s.close()
	if err := settle(rep, cfg.Strict); err != nil {
		return nil, fmt.Errorf("%w\n%s", err, rep.Diagnostics)
	}
	return s.searchPages(false) // the site closes its stash on return
}

// searchPages is what the search index needs of every published page and
// of the generated pages a reader looks for: the start-here page, each
// role's onboarding path and the skills matrix. With lazy, the published
// pages' texts are read as the index is built (searchPage); the site must
// stay open until then.
func (s *site) searchPages(lazy bool) ([]search.Page, error) {
	pages := make([]search.Page, len(s.pages))
	for i, p := range s.pages {
		var err error
		if pages[i], err = s.searchPage(p, lazy); err != nil {
			return nil, err
		}
	}
	return append(pages, s.searchGrowth()...), nil
}

// searchWho is the organisation a role or process page shows from its
// front matter, which "who" questions ask about: whom a role reports to
// and who reports to it, a process's owner and participants.
func (s *site) searchWho(p *page.Page) string {
	titles := func(rs []*org.Role) string {
		var ts []string
		for _, r := range rs {
			ts = append(ts, r.Page.Title)
		}
		return strings.Join(ts, ", ")
	}
	var b strings.Builder
	if r, ok := s.graph.RoleOf(p); ok {
		if len(r.ReportsTo) > 0 {
			b.WriteString(" Reports to: " + titles(r.ReportsTo) + ".")
		}
		if len(r.Reports) > 0 {
			b.WriteString(" Reports: " + titles(r.Reports) + ".")
		}
	}
	if pr, ok := s.graph.ProcessOf(p); ok {
		if pr.Owner != nil {
			b.WriteString(" Owner: " + pr.Owner.Page.Title + ".")
		}
		if len(pr.Participants) > 0 {
			b.WriteString(" Participants: " + titles(pr.Participants) + ".")
		}
	}
	return b.String()
}

// searchGrowth is the search records of the generated pages of growth.go,
// with the text those pages show. An onboarding path's title starts with
// "Onboarding:" so that a search for a role's name puts the role's own page
// (which gets the whole-title boost of role pages) above its path.
func (s *site) searchGrowth() []search.Page {
	var out []search.Page
	crumbs := s.tree.Root.Title
	roles := s.graph.OnboardingRoles()
	if len(roles) > 0 {
		var names []string
		for _, r := range roles {
			names = append(names, r.Page.Title)
		}
		out = append(out, search.Page{URL: startURL, Title: "Start here", Kind: "start", Crumbs: crumbs,
			Summary: "New to the team? Pick your role to get your onboarding path: who you work with, what you take part in, and a checklist for your first weeks.",
			Intro:   "Onboarding paths: " + strings.Join(names, ", ") + "."})
	}
	for _, r := range roles {
		sp := search.Page{URL: r.OnboardingURL(), Title: "Onboarding: " + r.Page.Title, Kind: "onboarding", Crumbs: crumbs + " › Start here",
			Summary: "Your first weeks as " + r.Page.Title + ": the people, processes and skills of the role, and a checklist to work through."}
		if r.Team != nil {
			sp.Team = r.Team.Page.Title
		}
		var items []string
		for _, g := range r.Checklist {
			for _, it := range g.Items {
				items = append(items, it.Task.Value)
			}
		}
		sp.Intro = "Checklist: " + strings.Join(items, ". ")
		out = append(out, sp)
	}
	if roles := s.graph.SkilledRoles(); len(roles) > 0 {
		var text []string
		for _, r := range roles {
			var names []string
			for _, k := range append(append([]*org.Skill{}, r.Skills.Required...), r.Skills.Preferred...) {
				names = append(names, k.Name)
			}
			text = append(text, r.Page.Title+": "+strings.Join(names, ", "))
		}
		out = append(out, search.Page{URL: skillsURL, Title: "Skills matrix", Kind: "skills", Crumbs: crumbs,
			Summary: "Which role needs which skill, from every role's skills.", Intro: strings.Join(text, ". ") + "."})
	}
	return out
}

// writeSearch writes the search index and the search page. serve's
// Builder leaves the index out (indexLater) and builds it after the pages
// are shown: see SearchJob.
func (s *site) writeSearch(ctx context.Context, theme *layout.Theme, out output) (int, error) {
	var files []search.File
	if !s.indexLater {
		// serve keeps texts in s.texts, a map the index build must not
		// write to from its goroutines: only a one-off build reads them
		// lazily.
		pages, err := s.searchPages(s.texts == nil)
		if err != nil {
			return 0, err
		}
		idx, err := search.Build(pages)
		if err != nil {
			return 0, err
		}
		if files, err = idx.Files(); err != nil {
			return 0, err
		}
	}
	files = append(files, search.File{Path: search.ModulePath, Data: []byte(search.Module)})
	// 760 shards at 10,000 pages, made at the end of the build when
	// nothing else runs: written one by one, they kept a CPU idle.
	err := parallel(ctx, len(files), func(i int) error { return out.WriteFile(files[i].Path, files[i].Data) })
	if err != nil {
		return 0, err
	}
	v := s.view(searchURL, "Search")
	v.Kind = "search"
	sidebar, err := theme.Sidebar(s.tree.SidebarFor(searchURL))
	if err != nil {
		return 0, err
	}
	v.Sidebar = sidebar
	v.Content = template.HTML(`<form class="search-page" role="search" method="get"><label for="hb-search-page-q">Search the handbook</label> <input id="hb-search-page-q" type="search" name="q" autocomplete="off"> <button type="submit">Search</button></form>
<div id="hb-search-page" aria-live="polite"><noscript><p>Search runs in your browser and needs JavaScript. The <a href="` + template.HTMLEscapeString(theme.URL("/")) + `">contents</a> list every page.</p></noscript></div>`)
	html, err := theme.Render(v)
	if err != nil {
		return 0, err
	}
	if err := out.WriteFile(layout.OutputPath(searchURL), html); err != nil {
		return 0, err
	}
	return len(files) + 1, nil
}
