package nav

import (
	"fmt"
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

// TestSidebarCutsLongFolders checks that a folder of more than SidebarLimit
// entries lists the first of them, the subfolder leading to the page even
// past the limit, and then a link to the folder's index.
func TestSidebarCutsLongFolders(t *testing.T) {
	var pages []*page.Page
	for i := range SidebarLimit + 12 {
		pages = append(pages, pg(fmt.Sprintf("content/roles/r%03d.md", i), fmt.Sprintf("/roles/r%03d/", i), fmt.Sprintf("R%03d", i), 0, false))
	}
	// 1,001 pages in a subfolder whose title sorts after every role.
	for i := range 1001 {
		pages = append(pages, pg(fmt.Sprintf("content/roles/zz/p%04d.md", i), fmt.Sprintf("/roles/zz/p%04d/", i), fmt.Sprintf("P%04d", i), 0, false))
	}
	pages = append(pages, pg("content/about.md", "/about/", "About", 0, false))
	tr := Build(pages)

	first := func(n int) []string {
		var out []string
		for i := range n {
			out = append(out, fmt.Sprintf("R%03d", i))
		}
		return out
	}
	tests := []struct {
		url  string
		want string
	}{
		// Subfolders come first: Zz is within the first 50.
		{"/roles/r060/", "Roles(Zz " + strings.Join(first(SidebarLimit-1), " ") + " All 63 entries) About"},
		{"/roles/zz/p0700/", "Roles(Zz(" + pNames(SidebarLimit) + " All 1,001 entries) " + strings.Join(first(SidebarLimit-1), " ") + " All 63 entries) About"},
		{"/about/", "Roles About"},
	}
	for _, tt := range tests {
		side := tr.SidebarFor(tt.url)
		if got := titles(side); got != tt.want {
			t.Errorf("SidebarFor(%s) =\n%s\nwant\n%s", tt.url, got, tt.want)
		}
	}
	more := tr.SidebarFor("/roles/r000/")[0].Children
	if last := more[len(more)-1]; last.URL != "/roles/" || last.More != 63-SidebarLimit || last.Branch {
		t.Errorf("the last entry of a long folder = %+v; want a link to /roles/ leaving out %d", last, 63-SidebarLimit)
	}
}

// TestSidebarKeepsTheWayToThePage checks that a subfolder past the limit
// is listed when the page is in it, and not otherwise.
func TestSidebarKeepsTheWayToThePage(t *testing.T) {
	var pages []*page.Page
	for i := range SidebarLimit + 5 {
		pages = append(pages, pg(fmt.Sprintf("content/areas/a%02d/x.md", i), fmt.Sprintf("/areas/a%02d/x/", i), "X", 0, false))
	}
	tr := Build(pages)
	has := func(url, title string) bool {
		for _, it := range tr.SidebarFor(url)[0].Children {
			if it.Title == title {
				return true
			}
		}
		return false
	}
	if !has("/areas/a53/x/", "A53") {
		t.Errorf("the sidebar of a page in a53/, the 54th folder, does not list a53/")
	}
	if has("/areas/a01/x/", "A53") {
		t.Errorf("the sidebar of a page in a01/ lists a53/, past the limit")
	}
}

func pNames(n int) string {
	var out []string
	for i := range n {
		out = append(out, fmt.Sprintf("P%04d", i))
	}
	return strings.Join(out, " ")
}
