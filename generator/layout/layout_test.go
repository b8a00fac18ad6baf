package layout

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/teamhandbook/handbook"
	"github.com/teamhandbook/handbook/generator/nav"
	"github.com/teamhandbook/handbook/generator/org"
)

func load(t testing.TB, site fstest.MapFS, base string) *Theme {
	t.Helper()
	g, _ := org.Build(nil, nil)
	th, err := Load(Sources{Templates: handbook.Templates(), Assets: handbook.Assets(), Site: site}, base, g)
	if err != nil {
		t.Fatal(err)
	}
	return th
}

func TestMarkCurrentFindsTheLinkAsTheTemplateWroteIt(t *testing.T) {
	th := load(t, fstest.MapFS{}, "/hb/")
	side, err := th.Sidebar([]*nav.Item{
		{Title: "Roles", URL: "/roles/", Branch: true, Children: []*nav.Item{{Title: "A & B", URL: "/roles/a b/"}}},
		{Title: "Org", URL: "/org/"},
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ url, want string }{
		{"/roles/a b/", `<a href="/hb/roles/a%20b/" aria-current="page">A &amp; B</a>`},
		{"/org/", `<a href="/hb/org/" aria-current="page">Org</a>`},
	}
	for _, tt := range tests {
		got := string(th.MarkCurrent(side, tt.url))
		if !strings.Contains(got, tt.want) || strings.Count(got, "aria-current") != 1 {
			t.Errorf("MarkCurrent(%s):\n%s\nwant one mark, as %s", tt.url, got, tt.want)
		}
	}
	if got := th.MarkCurrent(side, "/elsewhere/"); strings.Contains(string(got), "aria-current") {
		t.Errorf("MarkCurrent of a page not in the sidebar marked something: %s", got)
	}
}

func TestSiteFilesOverrideBuiltInsByName(t *testing.T) {
	th := load(t, fstest.MapFS{
		"assets/style.css":   {Data: []byte("body{}")},
		"assets/extra.js":    {Data: []byte("1")},
		"templates/404.html": {Data: []byte(`{{define "main"}}gone{{end}}`)},
	}, "/")
	byName := map[string]Asset{}
	for _, a := range th.Assets {
		byName[a.Name] = a
	}
	if string(byName["style.css"].Data) != "body{}" {
		t.Errorf("style.css = %q; want the site's", byName["style.css"].Data)
	}
	if _, ok := byName["favicon.svg"]; !ok {
		t.Error("built-in favicon.svg missing: a site file must not hide the others")
	}
	if p := byName["extra.js"].Path; !strings.HasPrefix(p, "assets/extra.") || !strings.HasSuffix(p, ".js") || p == "assets/extra.js" {
		t.Errorf("extra.js written as %q; want a fingerprinted name", p)
	}
	html, err := th.Render(&View{Kind: "404", Title: "Not found", URL: "/404.html"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(html), "gone") {
		t.Error("the site's 404.html was not used")
	}
}

func TestBrokenSiteTemplateNamesItsFile(t *testing.T) {
	g, _ := org.Build(nil, nil)
	_, err := Load(Sources{Templates: handbook.Templates(), Assets: handbook.Assets(),
		Site: fstest.MapFS{"templates/role.html": {Data: []byte(`{{define "main"}}{{if}}{{end}}`)}}}, "/", g)
	if err == nil || !strings.HasPrefix(err.Error(), "templates/role.html: ") {
		t.Errorf("error = %v; want it to start with templates/role.html", err)
	}
}
