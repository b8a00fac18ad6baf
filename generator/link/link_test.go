package link

import (
	"testing"

	"github.com/teamhandbook/handbook/generator/page"
)

func TestResolve(t *testing.T) {
	lead := &page.Page{Path: "content/roles/lead.md", URL: "/roles/lead/"}
	review := &page.Page{Path: "content/processes/review.md", URL: "/processes/review/"}
	home := &page.Page{Path: "content/_index.md", URL: "/"}
	pages := []*page.Page{lead, review, home}
	anchors := map[*page.Page][]string{lead: {"duties"}, review: {"steps", "on-call"}}
	dirs := map[string]string{"content": "/", "content/roles": "/roles/"}
	r := NewResolver(Site{Base: "/hb/", Pages: pages, Anchors: anchors, Dirs: dirs,
		Static: []string{"content/img/a.png"}, URLs: []string{"/org/"}, Drafts: []string{"content/plan.md"}})

	tests := []struct {
		from *page.Page
		dest string
		want string // URL, or the error text
	}{
		{lead, "../processes/review.md", "/hb/processes/review/"},
		{lead, "../processes/review.md#on-call", "/hb/processes/review/#on-call"},
		{lead, "./../processes/review.md?x=1#steps", "/hb/processes/review/?x=1#steps"},
		{lead, "#duties", "#duties"},
		{lead, "/content/processes/review.md", "/hb/processes/review/"},
		{lead, "/processes/review.md", "/hb/processes/review/"},
		{lead, "/processes/review/", "/hb/processes/review/"},
		{lead, "/org/", "/hb/org/"},
		{lead, "../", "/hb/"},
		{home, "roles/", "/hb/roles/"},
		{home, "img/a.png", "/hb/img/a.png"},
		{lead, "https://example.com/a.md", "https://example.com/a.md"},
		{lead, "mailto:team@example.com", "mailto:team@example.com"},
		{lead, "../processes/reveiw.md", `link "../processes/reveiw.md": no page or file content/processes/reveiw.md; did you mean "../processes/review.md"?`},
		{lead, "../processes/review.md#oncall", `link "../processes/review.md#oncall": content/processes/review.md has no heading with id "oncall"; did you mean "#on-call"?`},
		{lead, "#nope", `link "#nope": this page has no heading with id "nope"`},
		{lead, "../../../etc/passwd", `link "../../../etc/passwd": leads out of content/ to "../etc/passwd"; only files under content/ are published`},
		{home, "img/b.png", `link "img/b.png": no page or file content/img/b.png`},
		{home, "plan.md", `link "plan.md": content/plan.md is a draft, and drafts are left out of the site`},
	}
	for _, tt := range tests {
		got, err := r.Resolve(tt.from, tt.dest)
		gotS := got.URL
		if err != nil {
			gotS = err.Error()
		}
		if gotS != tt.want {
			t.Errorf("Resolve(%s, %q) = %q; want %q", tt.from.Path, tt.dest, gotS, tt.want)
		}
	}
}

func TestRelative(t *testing.T) {
	tests := []struct{ dir, target, want string }{
		{"content/roles", "content/processes/review.md", "../processes/review.md"},
		{"content/roles", "content/roles/lead.md", "lead.md"},
		{"content", "content/roles/lead.md", "roles/lead.md"},
	}
	for _, tt := range tests {
		if got := relative(tt.dir, tt.target); got != tt.want {
			t.Errorf("relative(%q, %q) = %q; want %q", tt.dir, tt.target, got, tt.want)
		}
	}
}
