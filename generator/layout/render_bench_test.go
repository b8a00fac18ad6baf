package layout

import (
	"fmt"
	"html/template"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/teamhandbook/handbook/generator/markdown"
	"github.com/teamhandbook/handbook/generator/nav"
	"github.com/teamhandbook/handbook/generator/page"
)

// BenchmarkRenderPage renders a page shaped like most pages of a large
// handbook: a guide three folders deep with breadcrumbs, previous and next,
// a table of contents, some backlinks and a sidebar whose open branch lists
// 60 pages. It measures the template and the splice, not the Markdown.
func BenchmarkRenderPage(b *testing.B) {
	th := load(b, fstest.MapFS{}, "/")
	var pages []*nav.Item
	for i := range 60 {
		pages = append(pages, &nav.Item{Title: fmt.Sprintf("Guide page %d", i), URL: fmt.Sprintf("/guides/g1/page-%d/", i)})
	}
	side, err := th.Sidebar([]*nav.Item{
		{Title: "Roles", URL: "/roles/", Branch: true},
		{Title: "Guides", URL: "/guides/", Branch: true, Children: []*nav.Item{
			{Title: "G0", URL: "/guides/g0/", Branch: true},
			{Title: "G1", URL: "/guides/g1/", Branch: true, Children: pages},
		}},
	})
	if err != nil {
		b.Fatal(err)
	}
	var backlinks []*page.Page
	for i := range 5 {
		backlinks = append(backlinks, &page.Page{Title: fmt.Sprintf("Page %d", i), URL: fmt.Sprintf("/guides/g2/page-%d/", i), Kind: page.KindPage})
	}
	v := &View{
		Kind: "page", Title: "Guide page 7", TitleID: "guide-page-7", URL: "/guides/g1/page-7/",
		Page:    &page.Page{Title: "Guide page 7", URL: "/guides/g1/page-7/", Kind: page.KindPage},
		Content: template.HTML(strings.Repeat("<p>Some text with <a href=\"/guides/g1/page-3/\">a link</a>.</p>\n", 30)),
		TOC: []markdown.Heading{
			{Level: 2, ID: "a", Text: "A"}, {Level: 2, ID: "b", Text: "B"}, {Level: 3, ID: "c", Text: "C"}, {Level: 2, ID: "d", Text: "D"},
		},
		Crumbs:    []*nav.Item{{Title: "Home", URL: "/"}, {Title: "Guides", URL: "/guides/"}, {Title: "G1", URL: "/guides/g1/"}},
		Prev:      pages[6],
		Next:      pages[8],
		Sidebar:   side,
		Backlinks: backlinks,
	}
	batch := th.NewBatch()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := batch.Render(v); err != nil {
			b.Fatal(err)
		}
	}
}
