package main

import (
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserFromDisk opens the repository's handbook, built as "handbook
// build" builds it, straight from disk: the stylesheet applies, sidebar
// links open pages (not folder listings), and search finds a page.
func TestBrowserFromDisk(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if code := run(context.Background(), []string{"build", "--source", "../..", "--dest", dest}, io.Discard, io.Discard); code != 0 {
		t.Fatalf("building the handbook: exit %d", code)
	}
	ctx := browser(t)
	do(t, ctx,
		chromedp.Navigate("file://"+filepath.ToSlash(dest)+"/index.html"),
		chromedp.WaitVisible(`main h1`),
	)
	// The stylesheet is loaded when the sidebar is laid out beside the page.
	if pos := get(t, ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector(".sidebar")).position + " " + document.styleSheets.length`)); strings.HasPrefix(pos, "static 0") {
		t.Errorf("no stylesheet applied from disk: %s", pos)
	}
	do(t, ctx,
		chromedp.Click(`.sidebar a[href$="/roles/index.html"]`, chromedp.NodeVisible),
		chromedp.WaitVisible(`main h1`),
		chromedp.Click(`.sidebar a[href$="/roles/serverless-developer/index.html"]`, chromedp.NodeVisible),
		chromedp.WaitVisible(`main h1`),
	)
	if h1 := get(t, ctx, chromedp.Text(`main h1`)); h1 != "Serverless Developer" {
		t.Errorf("after two sidebar clicks from disk, the page is %q", h1)
	}
	// Enter without choosing a result opens the full results page.
	do(t, ctx,
		chromedp.SendKeys(`#hb-q`, "incident respons"),
		chromedp.WaitVisible(`#hb-listbox [role=option]`),
		chromedp.KeyEvent("\r"),
		chromedp.WaitVisible(`ol.results a`),
	)
	if first := get(t, ctx, chromedp.Text(`ol.results a`)); !strings.Contains(first, "Incident Response") {
		t.Errorf("the results page from disk starts with %q; want Incident Response", first)
	}
	do(t, ctx,
		chromedp.Click(`ol.results a`, chromedp.NodeVisible),
		chromedp.WaitVisible(`main h1`),
	)
	loc := get(t, ctx, chromedp.Location())
	if h1 := get(t, ctx, chromedp.Text(`main h1`)); h1 != "Incident Response" || !strings.HasPrefix(loc, "file://") {
		t.Errorf("the first result from disk opened %q at %s; want Incident Response", h1, loc)
	}
}
