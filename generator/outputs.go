package generator

import (
	"fmt"
	"path"
	"strings"

	"github.com/teamhandbook/handbook/generator/diag"
	"github.com/teamhandbook/handbook/generator/layout"
	"github.com/teamhandbook/handbook/generator/search"
)

// generated are the files the build makes that no content file has, with
// what they are called in messages.
var generated = []struct{ url, what string }{
	{"/org/", "the org chart"},
	{"/404.html", "the page-not-found page"},
	{"/sitemap.xml", "the sitemap"},
	{"/schema/frontmatter.json", "the front-matter schema"},
	{"/needs-review/", "the needs-review page"},
	{"/org.json", "the organisation export"},
	{"/schema/org.json", "the organisation export's schema"},
	{searchURL, "the search page"},
}

// generatedURLs lists the URLs of generated, for link checking.
func generatedURLs() []string {
	urls := make([]string, len(generated))
	for i, g := range generated {
		urls[i] = g.url
	}
	return urls
}

// assetsDir is where the theme's fingerprinted assets are written.
const assetsDir = "assets"

// outputs claims every file the site will write, so that nothing is written
// over something else: two pages at one URL, a page where a folder's index
// goes, an alias or a static file over a page. Whatever claims a place second
// is reported, at its own position.
type outputs struct {
	files map[string]string // output path → what writes it
	dirs  map[string]string // folder → what first needed it
	diags *diag.List
}

func (s *site) checkOutputs(diags *diag.List) {
	o := &outputs{files: map[string]string{}, dirs: map[string]string{assetsDir: "the theme's assets folder", search.Dir: "the search index"}, diags: diags}
	for _, g := range generated {
		o.claim(layout.OutputPath(g.url), g.what, diag.Position{})
	}
	for _, g := range s.growthPages() {
		o.claim(layout.OutputPath(g.url), g.what, diag.Position{})
	}
	for _, sec := range s.tree.Sections() {
		if sec.Landing == nil {
			what := "the index of " + sec.Dir + "/"
			o.claim(layout.OutputPath(sec.URL), what, diag.Position{})
		}
	}
	for _, p := range s.pages {
		o.claim(layout.OutputPath(p.URL), p.Path, diag.Position{File: p.Path})
	}
	for _, f := range s.static {
		o.claim(strings.TrimPrefix(f.Path, "content/"), f.Path, diag.Position{File: f.Path})
	}
	for _, p := range s.pages {
		for _, a := range p.Meta.Aliases {
			o.claim(layout.OutputPath(cleanAlias(a.Value)), fmt.Sprintf("alias %q of %s", a.Value, p.Path), a.Pos)
		}
	}
}

// claim records that what writes the file out, reporting a clash at pos.
func (o *outputs) claim(out, what string, pos diag.Position) {
	clash := func(other string) {
		url := "/" + strings.TrimSuffix(out, "index.html")
		msg := fmt.Sprintf("%s would be published at %s, where %s already is", what, url, other)
		if strings.HasPrefix(other, "the index of ") {
			dir := strings.TrimPrefix(other, "the index of ")
			msg += fmt.Sprintf("; to make it the folder's landing page, move it to %s_index.md", dir)
		} else {
			msg += "; rename one"
		}
		if pos.File == "" {
			pos.File = strings.Fields(what)[len(strings.Fields(what))-1]
		}
		o.diags.Rule("output-clash").Errorf(pos, "%s", msg)
	}
	if other, ok := o.files[out]; ok {
		clash(other)
		return
	}
	if other, ok := o.dirs[out]; ok {
		clash(other)
		return
	}
	for d := path.Dir(out); d != "."; d = path.Dir(d) {
		if other, ok := o.files[d]; ok {
			clash(other)
			return
		}
		if d == assetsDir || d == search.Dir {
			clash(o.dirs[d])
			return
		}
	}
	o.files[out] = what
	for d := path.Dir(out); d != "."; d = path.Dir(d) {
		if _, ok := o.dirs[d]; !ok {
			o.dirs[d] = what
		}
	}
}

// cleanAlias turns "/old/path" into the folder URL "/old/path/".
func cleanAlias(a string) string {
	if a == "" || a[len(a)-1] != '/' {
		return a + "/"
	}
	return a
}
