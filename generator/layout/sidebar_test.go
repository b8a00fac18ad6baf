package layout

import (
	"bytes"
	"html/template"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/teamhandbook/handbook/generator/nav"
)

// inPlace renders v the straightforward way: the marked sidebar printed by
// the template, then every link of the page made relative.
func inPlace(t *testing.T, th *Theme, v *View) []byte {
	t.Helper()
	vv := *v
	vv.Sidebar = th.MarkCurrent(v.Sidebar, v.URL)
	var buf bytes.Buffer
	if err := th.execute(&buf, &vv); err != nil {
		t.Fatal(err)
	}
	if v.Kind == "404" {
		return buf.Bytes()
	}
	return relative(buf.Bytes(), th.base, OutputPath(v.URL))
}

func TestBatchRenderEqualsRenderingTheSidebarInPlace(t *testing.T) {
	items := []*nav.Item{
		{Title: "Roles", URL: "/roles/", Branch: true, Children: []*nav.Item{
			{Title: "A & B", URL: "/roles/a b/"}, {Title: "Lead", URL: "/roles/lead/"},
			{Title: "Deep", URL: "/roles/deep/", Branch: true, Children: []*nav.Item{{Title: "X", URL: "/roles/deep/x/"}}},
		}},
		{Title: "Org", URL: "/org/"},
	}
	sites := map[string]fstest.MapFS{
		"built-in": {},
		// Printed twice, and once where it is escaped: the fallback.
		"twice": {"templates/page.html": {Data: []byte(`{{define "main"}}<div>{{.Sidebar}}</div>{{.Sidebar}}{{end}}`)}},
		"attr":  {"templates/page.html": {Data: []byte(`{{define "main"}}<div title="{{.Sidebar}}"></div>{{end}}`)}},
		"none":  {"templates/base.html": {Data: []byte(`<a href="{{url .URL}}">{{.Title}}</a>{{template "main" .}}{{define "sectionlist"}}{{end}}{{define "sidebar"}}<ul>{{range .}}<li><a href="{{url .URL}}">{{.Title}}</a></li>{{end}}</ul>{{end}}`)}},
	}
	for name, site := range sites {
		for _, base := range []string{"/", "/hb/"} {
			th := load(t, site, base)
			side, err := th.Sidebar(items)
			if err != nil {
				t.Fatal(err)
			}
			b := th.NewBatch()
			for _, v := range []*View{
				{Kind: "role", Title: "A & B", URL: "/roles/a b/"},
				{Kind: "page", Title: "Lead", URL: "/roles/lead/"},
				{Kind: "page", Title: "X", URL: "/roles/deep/x/"},
				{Kind: "page", Title: "Home", URL: "/"},
				{Kind: "page", Title: "Org", URL: "/org/"},
				{Kind: "page", Title: "Elsewhere", URL: "/elsewhere/"},
				{Kind: "404", Title: "Not found", URL: "/404.html"},
			} {
				if name == "none" && v.Kind != "page" {
					continue // that base.html has no frame for the other kinds
				}
				v.Sidebar = side
				want := inPlace(t, th, v)
				got, err := b.Render(v)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want) {
					i := 0
					for i < len(got) && i < len(want) && got[i] == want[i] {
						i++
					}
					t.Errorf("%s, base %s, %s: differs at %d\n got: …%s\nwant: …%s", name, base, v.URL, i, got[max(0, i-80):min(len(got), i+80)], want[max(0, i-80):min(len(want), i+80)])
				}
				if cap(got) != len(got) {
					t.Errorf("%s, base %s, %s: cap %d for len %d; want the page allocated at its size", name, base, v.URL, cap(got), len(got))
				}
			}
		}
	}
}

func TestHrefValueFastPathAgreesWithTheTemplate(t *testing.T) {
	for _, base := range []string{"/", "/hb/", "/a b/"} {
		th := load(t, fstest.MapFS{}, base)
		for _, url := range []string{"/", "/roles/x/", "/a b/", "/r&d/", "/x+y/", "/caf\u00e9/", "/a%20b/", "/q?x=1", "/it's/", "/~u/a_b.c-d/"} {
			var buf strings.Builder
			if err := th.href.Execute(&buf, url); err != nil {
				t.Fatal(err)
			}
			want := strings.TrimSuffix(strings.TrimPrefix(buf.String(), `<a href="`), `">`)
			if got, ok := th.hrefValue(url); !ok || got != want {
				t.Errorf("base %q: hrefValue(%q) = %q, %v; want %q", base, url, got, ok, want)
			}
		}
	}
}

func TestLinkIsTheTemplatesLink(t *testing.T) {
	th := load(t, fstest.MapFS{}, "/hb/")
	tmpl := template.Must(template.New("x").Funcs(th.funcs(nil)).Parse(`<a href="{{url .URL}}">{{.Title}}</a>`))
	for _, k := range []linkKey{{"/roles/x/", "X"}, {"/a b/", `R&D <"quoted"> + 'x'`}, {"/caf\u00e9/?q=1#f", "Café"}, {"javascript:alert(1)", "bad"}} {
		var want strings.Builder
		if err := tmpl.Execute(&want, k); err != nil {
			t.Fatal(err)
		}
		for range 2 { // computed, then kept
			got, err := th.link(k.URL, k.Title)
			if err != nil || string(got) != want.String() {
				t.Errorf("link(%q, %q) = %s, %v; want %s", k.URL, k.Title, got, err, want.String())
			}
		}
	}
}

// A build renders a batch from many goroutines; run with -race.
func TestBatchRenderConcurrently(t *testing.T) {
	th := load(t, fstest.MapFS{}, "/")
	side, err := th.Sidebar([]*nav.Item{{Title: "A", URL: "/a/", Branch: true, Children: []*nav.Item{{Title: "B", URL: "/a/b/"}, {Title: "C", URL: "/a/c/"}}}})
	if err != nil {
		t.Fatal(err)
	}
	urls := []string{"/a/", "/a/b/", "/a/c/", "/a/b/deeper/"}
	b := th.NewBatch()
	var wg sync.WaitGroup
	got := make([][]byte, 8*len(urls))
	for i := range got {
		wg.Go(func() {
			v := &View{Kind: "page", Title: "T", URL: urls[i%len(urls)], Sidebar: side}
			got[i], _ = b.Render(v)
		})
	}
	wg.Wait()
	for i := range got {
		v := &View{Kind: "page", Title: "T", URL: urls[i%len(urls)], Sidebar: side}
		if want := inPlace(t, th, v); !bytes.Equal(got[i], want) {
			t.Errorf("%s rendered concurrently differs from in place", v.URL)
		}
	}
}
