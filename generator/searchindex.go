package generator

import (
	"html/template"
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
// between builds and the index re-assembled from the pieces.
func (s *site) searchPage(p *page.Page) search.Page {
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
	intro, secs := s.sections(p)
	sp.Intro = intro
	var h2 string
	for _, sec := range secs {
		path := []string{p.Title}
		if sec.Level == 2 {
			h2 = sec.Title
		} else if h2 != "" {
			path = append(path, h2)
		}
		sp.Sections = append(sp.Sections, search.Section{ID: sec.ID, Title: sec.Title, Path: path, Text: sec.Text})
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
		sp.Sections = append(sp.Sections, search.Section{ID: "hb-skills", Title: "Skills", Path: []string{p.Title}, Text: strings.Join(text, ". ")})
	}
	return sp
}

// docText is a parsed body's text, by section.
type docText struct {
	intro    string
	sections []markdown.Section
}

// sections returns p's text by section. serve's Builder keeps it by
// parsed body (s.texts), since a rebuild re-parses only changed pages:
// extracting the text of 10,000 pages took 250 ms.
func (s *site) sections(p *page.Page) (string, []markdown.Section) {
	d := s.docs[p]
	if t, ok := s.texts[d]; ok {
		return t.intro, t.sections
	}
	intro, secs := d.Sections()
	if s.texts != nil {
		s.texts[d] = docText{intro, secs}
	}
	return intro, secs
}

// searchPages is what the search index is made from: every page.
func (s *site) searchPages() []search.Page {
	pages := make([]search.Page, len(s.pages))
	for i, p := range s.pages {
		pages[i] = s.searchPage(p)
	}
	return pages
}

// writeSearch writes the search index and the search page. serve's
// Builder leaves the index out (indexLater) and builds it after the pages
// are shown: see SearchJob.
func (s *site) writeSearch(theme *layout.Theme, out output) (int, error) {
	var files []search.File
	if !s.indexLater {
		var err error
		files, err = search.Build(s.searchPages()).Files()
		if err != nil {
			return 0, err
		}
	}
	for _, f := range files {
		if err := out.WriteFile(f.Path, f.Data); err != nil {
			return 0, err
		}
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
	if err := out.WriteFile(outputPath(searchURL), html); err != nil {
		return 0, err
	}
	return len(files) + 1, nil
}
