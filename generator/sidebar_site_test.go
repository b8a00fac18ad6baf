package generator_test

import (
	"fmt"
	"strings"
	"testing"
)

// TestSidebarCutsALongFolder builds a folder of 55 guides: their sidebar
// lists the first 50 and then links to the folder's index, which lists
// all 55.
func TestSidebarCutsALongFolder(t *testing.T) {
	var archive strings.Builder
	archive.WriteString("-- content/about.md --\n# About\n")
	for i := range 55 {
		fmt.Fprintf(&archive, "-- content/guides/g%02d.md --\n# Guide %02d\n\nText.\n", i, i)
	}
	s := build(t, archive.String()).ok()
	s.contains("guides/g00/index.html",
		`<a href="/guides/g49/">Guide 49</a>`,
		`<li class="more"><a href="/guides/">All 55 entries</a></li>`,
		`! <a href="/guides/g50/">Guide 50</a>`,
		`<a href="/guides/g00/" aria-current="page">Guide 00</a>`)
	// A page past the cut shares the folder's sidebar, without itself; its
	// breadcrumb still says where it is.
	s.contains("guides/g54/index.html",
		`<li class="more"><a href="/guides/">All 55 entries</a></li>`,
		`! aria-current="page">Guide 54</a>`,
		`<nav class="crumbs" aria-label="Breadcrumb"><ol><li><a href="/">`)
	s.contains("guides/index.html", `<a href="/guides/g54/">Guide 54</a>`)
	// A page elsewhere sees the folder closed.
	s.contains("about/index.html", `! All 55 entries`)
}
