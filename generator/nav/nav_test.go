package nav

import (
	"strings"
	"testing"

	"github.com/teamhandbook/handbook/generator/page"
)

func pg(path, url, title string, weight int, landing bool) *page.Page {
	p := &page.Page{Path: path, URL: url, Title: title, Landing: landing}
	p.Meta.Weight = weight
	return p
}

func titles(items []*Item) string {
	var out []string
	for _, it := range items {
		s := it.Title
		if len(it.Children) > 0 {
			s += "(" + titles(it.Children) + ")"
		}
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

func TestTree(t *testing.T) {
	pages := []*page.Page{
		pg("content/_index.md", "/", "Home page", 0, true),
		pg("content/about.md", "/about/", "About", 0, false),
		pg("content/guides/b.md", "/guides/b/", "Beta", 0, false),
		pg("content/guides/a.md", "/guides/a/", "Alpha", 0, false),
		pg("content/roles/lead.md", "/roles/lead/", "Lead", 1, false),
		pg("content/roles/dev.md", "/roles/dev/", "Dev", 2, false),
		pg("content/roles/_index.md", "/roles/", "All roles", 0, true),
	}
	tr := Build(pages, &Item{Title: "Org chart", URL: "/org/"})

	// Kind folders first, then generated pages, then the rest by title;
	// pages by weight, then title.
	if got, want := titles(tr.Sidebar), "All roles(Lead Dev) Org chart Guides(Alpha Beta) About"; got != want {
		t.Errorf("sidebar = %s; want %s", got, want)
	}
	if got, want := titles(tr.Breadcrumbs("/roles/dev/")), "Home page All roles"; got != want {
		t.Errorf("breadcrumbs = %s; want %s", got, want)
	}
	if got, want := titles(tr.Breadcrumbs("/guides/")), "Home page"; got != want {
		t.Errorf("breadcrumbs of a section = %s; want %s", got, want)
	}
	prev, next := tr.PrevNext("/roles/dev/")
	if prev.URL != "/roles/lead/" || next.URL != "/org/" {
		t.Errorf("PrevNext(/roles/dev/) = %s, %s; want /roles/lead/, /org/", prev.URL, next.URL)
	}
	if prev, _ := tr.PrevNext("/"); prev != nil {
		t.Errorf("the home page has a previous page: %s", prev.URL)
	}
	if s, ok := tr.Section("content/guides"); !ok || s.Landing != nil || s.URL != "/guides/" || s.Title != "Guides" {
		t.Errorf("Section(content/guides) = %+v; want a generated index at /guides/", s)
	}
	if got := tr.Dirs()["content/roles"]; got != "/roles/" {
		t.Errorf("Dirs()[content/roles] = %q; want /roles/", got)
	}
}

func TestSidebarForOpensOnlyThePathToThePage(t *testing.T) {
	pages := []*page.Page{
		pg("content/guides/a.md", "/guides/a/", "Alpha", 0, false),
		pg("content/guides/deep/b.md", "/guides/deep/b/", "Beta", 0, false),
		pg("content/roles/lead.md", "/roles/lead/", "Lead", 0, false),
	}
	tr := Build(pages)
	tests := []struct{ url, want string }{
		{"/guides/deep/b/", "Roles Guides(Deep(Beta) Alpha)"},
		{"/roles/lead/", "Roles(Lead) Guides"},
		{"/guides/", "Roles Guides(Deep Alpha)"},
		{"/", "Roles Guides"},
	}
	for _, tt := range tests {
		if got := titles(tr.SidebarFor(tt.url)); got != tt.want {
			t.Errorf("SidebarFor(%s) = %s; want %s", tt.url, got, tt.want)
		}
	}
	if side := tr.SidebarFor("/"); !side[0].Branch || side[0].Children != nil {
		t.Errorf("a closed branch: %+v; want Branch set and no children", side[0])
	}
}
