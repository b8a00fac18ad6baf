package layout

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/teamhandbook/handbook/generator/markdown"
	"github.com/teamhandbook/handbook/generator/page"
)

// TestListsRenderAsThePartials renders tables of contents and backlinks,
// first from the cache and then past its limit, and wants each entry as
// its partial in base.html writes it, escaped, every time.
func TestListsRenderAsThePartials(t *testing.T) {
	th := load(t, fstest.MapFS{}, "/hb/")
	wantTOC := func(h markdown.Heading) string {
		return fmt.Sprintf(`<li class="toc-%d"><a href="#%s">%s</a></li>`, h.Level, h.ID, strings.ReplaceAll(h.Text, "&", "&amp;"))
	}
	for i := range maxTOCItems + 10 {
		hs := []markdown.Heading{
			{Level: 2, ID: "overview", Text: "Overview & scope"},
			{Level: 3, ID: fmt.Sprintf("step-%d", i), Text: fmt.Sprintf("Step %d", i)},
		}
		got, err := th.toc(hs)
		if err != nil {
			t.Fatal(err)
		}
		if want := wantTOC(hs[0]) + wantTOC(hs[1]); string(got) != want {
			t.Fatalf("toc, item %d: %s\nwant %s", i, got, want)
		}
	}
	if n := len(th.tocItems.m); n != maxTOCItems {
		t.Errorf("the cache holds %d items after %d distinct ones; want it full at %d", n, maxTOCItems+11, maxTOCItems)
	}
	ps := []*page.Page{{URL: "/roles/a/", Title: "A <lead>", Kind: page.KindRole}}
	for range 2 {
		got, err := th.backlinks(ps)
		if err != nil {
			t.Fatal(err)
		}
		if want := `<li><a href="/hb/roles/a/">A &lt;lead&gt;</a> <span class="tag">Role</span></li>`; string(got) != want {
			t.Errorf("backlinks: %s\nwant %s", got, want)
		}
	}
}
