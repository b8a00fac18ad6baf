package main

import (
	"context"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestBrowserChecklistKeepsTicks follows the home page to a role's
// onboarding path, ticks an item, and finds it still ticked after a reload:
// the ticks live in the browser's localStorage, there is no server.
func TestBrowserChecklistKeepsTicks(t *testing.T) {
	base := serveRepositoryHandbook(t)
	ctx := browser(t)
	do(t, ctx,
		chromedp.Navigate(base+"/"),
		chromedp.Click(`.start-here a`, chromedp.NodeVisible),
		chromedp.WaitVisible(`.cards`),
		chromedp.Click(`a[href$="/onboarding/serverless-developer/"]`, chromedp.NodeVisible),
		chromedp.WaitVisible(`.checklist .progress`), // shown by the script once it has run
	)
	if h1 := get(t, ctx, chromedp.Text(`main h1`)); h1 != "Onboarding: Serverless Developer" {
		t.Fatalf("start here led to %q", h1)
	}
	const second = `.checklist .tasks li:nth-child(2) input`
	if get(t, ctx, chromedp.Evaluate[bool](`document.querySelector('`+second+`').checked`)) {
		t.Fatal("an item is ticked before anyone ticked it")
	}
	do(t, ctx, chromedp.Click(second, chromedp.NodeVisible))
	progress := get(t, ctx, chromedp.Text(`.checklist .progress`))
	if !strings.HasPrefix(progress, "1 of ") {
		t.Errorf("after one tick the progress reads %q", progress)
	}

	do(t, ctx,
		chromedp.Reload(),
		chromedp.WaitVisible(`.checklist .progress`),
	)
	if !get(t, ctx, chromedp.Evaluate[bool](`document.querySelector('`+second+`').checked`)) {
		t.Error("the ticked item is not ticked after a reload")
	}
	ticked := get(t, ctx, chromedp.Evaluate[float64](`document.querySelectorAll('.checklist input:checked').length`))
	if ticked != 1 {
		t.Errorf("%v items ticked after a reload; want 1", ticked)
	}

	// Another role's path has its own ticks.
	do(t, ctx,
		chromedp.Navigate(base+"/onboarding/devops-engineer-serverless-operations/"),
		chromedp.WaitVisible(`.checklist .progress`),
	)
	if n := get(t, ctx, chromedp.Evaluate[float64](`document.querySelectorAll('.checklist input:checked').length`)); n != 0 {
		t.Errorf("another role's checklist has %v items ticked; want 0", n)
	}
}

// TestBrowserChecklistTicksSurviveIndexHTML opens a path as a plain static
// server answers it, once as /onboarding/x/ and once as
// /onboarding/x/index.html: one page, so one set of ticks.
func TestBrowserChecklistTicksSurviveIndexHTML(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if code := run(context.Background(), []string{"build", "--source", "../..", "--dest", dest}, io.Discard, io.Discard); code != 0 {
		t.Fatalf("building the handbook: exit %d", code)
	}
	// Unlike "handbook serve", which redirects index.html to the folder,
	// this server answers both, as many static hosts do.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := path.Clean("/" + r.URL.Path)
		if strings.HasSuffix(r.URL.Path, "/") {
			name = path.Join(name, "index.html")
		}
		b, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(name)))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", mime.TypeByExtension(path.Ext(name)))
		w.Write(b)
	}))
	t.Cleanup(srv.Close)

	ctx := browser(t)
	const first = `.checklist .tasks li:nth-child(1) input`
	do(t, ctx,
		chromedp.Navigate(srv.URL+"/onboarding/serverless-developer/"),
		chromedp.WaitVisible(`.checklist .progress`),
		chromedp.Click(first, chromedp.NodeVisible),
		chromedp.Navigate(srv.URL+"/onboarding/serverless-developer/index.html"),
		chromedp.WaitVisible(`.checklist .progress`),
	)
	if !get(t, ctx, chromedp.Evaluate[bool](`document.querySelector('`+first+`').checked`)) {
		t.Error("the item ticked at /onboarding/serverless-developer/ is not ticked at .../index.html")
	}
}

// TestBrowserChecklistPrintsTicks prints an onboarding path (print media
// emulated): every item has a box, and the ticked one a ✓, drawn on a span
// rather than on the checkbox, which not every browser decorates.
func TestBrowserChecklistPrintsTicks(t *testing.T) {
	base := serveRepositoryHandbook(t)
	ctx := browser(t)
	const first = `.checklist .tasks li:nth-child(1)`
	const second = `.checklist .tasks li:nth-child(2)`
	do(t, ctx,
		chromedp.Navigate(base+"/onboarding/serverless-developer/"),
		chromedp.WaitVisible(`.checklist .progress`),
		chromedp.Click(first+` input`, chromedp.NodeVisible),
	)
	style := func(sel, pseudo, prop string) string {
		return get(t, ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector('`+sel+`'), '`+pseudo+`').`+prop))
	}
	if d := style(first+` .box`, ``, `display`); d != "none" {
		t.Errorf("on screen the printed box shows (display %s)", d)
	}
	do(t, ctx, chromedp.Func(func(ctx context.Context, target *chromedp.Target) error {
		_, err := cdp.Call(ctx, target, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	}))
	if d := style(first+` input`, ``, `display`); d != "none" {
		t.Errorf("printed, the checkbox still shows (display %s)", d)
	}
	if d := style(second+` .box`, ``, `display`); d != "inline-block" {
		t.Errorf("printed, an item has no box (display %s)", d)
	}
	if c := style(first+` .box`, `::after`, `content`); c != `"✓"` {
		t.Errorf("printed, the ticked item's box holds %s; want a ✓", c)
	}
	if c := style(second+` .box`, `::after`, `content`); c != "none" {
		t.Errorf("printed, an unticked item's box holds %s; want it empty", c)
	}
}

// TestBrowserLadderMatrixFits opens the seed ladder at desktop and phone
// widths: the competency names take a narrow column, the level columns
// stay readable, and a matrix too wide scrolls in its own box, never the
// page.
func TestBrowserLadderMatrixFits(t *testing.T) {
	base := serveRepositoryHandbook(t)
	ctx := browser(t)
	for _, width := range []int64{1280, 390} {
		do(t, ctx,
			chromedp.EmulateViewport(width, 900),
			chromedp.Navigate(base+"/ladders/serverless-engineering/"),
			chromedp.WaitVisible(`.ladder-matrix`),
		)
		num := func(js string) float64 { return get(t, ctx, chromedp.Evaluate[float64](js)) }
		if w := num(`document.documentElement.scrollWidth`); w > float64(width) {
			t.Errorf("at %dpx the page is %.0fpx wide: it scrolls sideways", width, w)
		}
		first := num(`document.querySelector('.ladder-matrix tbody th').getBoundingClientRect().width`)
		level := num(`Math.min(...[...document.querySelectorAll('.ladder-matrix tbody td')].map(td => td.getBoundingClientRect().width))`)
		t.Logf("at %dpx: competency column %.0fpx, narrowest level column %.0fpx", width, first, level)
		if first > 140 {
			t.Errorf("at %dpx the competency column is %.0fpx wide; want it narrow", width, first)
		}
		if level < 150 {
			t.Errorf("at %dpx a level column is %.0fpx wide: its text wraps every few words", width, level)
		}
		if width == 390 && num(`(w => w.scrollWidth - w.clientWidth)(document.querySelector('.table-wrap'))`) <= 0 {
			t.Errorf("on a phone the matrix does not scroll in its own box")
		}
	}
}
