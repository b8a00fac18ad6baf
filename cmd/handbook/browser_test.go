package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/teamhandbook/handbook"
	"github.com/teamhandbook/handbook/generator"
	"github.com/teamhandbook/handbook/generator/preview"
)

// browser starts headless Chromium for a test. Without Chromium the test is
// skipped on a developer's machine, but fails in CI, where .ci/run installs it.
func browser(t *testing.T) context.Context {
	t.Helper()
	path, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("chromium is not installed; .ci/run must install it")
		}
		t.Skip("chromium is not installed (apt-get install chromium)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("no-first-run", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	ctx, cancel = context.WithTimeout(ctx, 30*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// serveRepositoryHandbook builds the repository's own handbook and serves it
// as "handbook serve" does.
func serveRepositoryHandbook(t *testing.T) string {
	t.Helper()
	b := generator.NewBuilder(generator.Config{Site: os.DirFS("../.."), Templates: handbook.Templates(), Assets: handbook.Assets()})
	snap, rep, err := b.Build(context.Background(), nil)
	if err != nil {
		t.Fatalf("building the handbook: %v\n%s", err, rep.Diagnostics)
	}
	if job := b.Search(); job != nil { // as serve does before it first serves
		if err := job.Run(); err != nil {
			t.Fatal(err)
		}
		snap, _ = b.WithSearch(job)
	}
	srv := preview.New()
	srv.Update(preview.Update{Snapshot: snap})
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return ts.URL
}

// siteHandler serves a built site folder under base, as a static host
// such as GitHub Pages does, for tests of a site that "handbook build" wrote.
func siteHandler(dir, base string) http.Handler {
	return http.StripPrefix(strings.TrimSuffix(base, "/"), http.FileServer(http.Dir(dir)))
}

// get runs one action that returns a value, failing the test on error.
func get[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// do runs steps, failing the test on error.
func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

func TestBrowserNavigation(t *testing.T) {
	base := serveRepositoryHandbook(t)
	ctx := browser(t)

	// From the home page, the sidebar leads to the roles, whose branch then
	// opens, and on to a role.
	do(t, ctx,
		chromedp.Navigate(base+"/"),
		chromedp.Click(`.sidebar a[href$="/roles/"]`, chromedp.NodeVisible),
		chromedp.WaitVisible(`table.roles`),
		chromedp.Click(`.sidebar a[href$="/roles/serverless-developer/"]`, chromedp.NodeVisible),
		chromedp.WaitVisible(`.facts`),
	)
	h1 := get(t, ctx, chromedp.Text(`main h1`))
	url := get(t, ctx, chromedp.Location())
	if h1 != "Serverless Developer" || !strings.HasSuffix(url, "/roles/serverless-developer/") {
		t.Errorf("after clicking the sidebar: h1 %q at %s; want Serverless Developer", h1, url)
	}
	if crumbs := get(t, ctx, chromedp.Text(`.crumbs`)); !strings.Contains(crumbs, "Roles") {
		t.Errorf("breadcrumbs = %q; want them to lead back to Roles", crumbs)
	}
	// The sidebar marks the current page.
	if current := get(t, ctx, chromedp.Text(`.sidebar a[aria-current="page"]`)); current != "Serverless Developer" {
		t.Errorf("current sidebar entry = %q; want Serverless Developer", current)
	}

	// The chain of command links upward; following it reaches the team lead.
	do(t, ctx,
		chromedp.Click(`.chain li:nth-child(2) a`, chromedp.NodeVisible),
		chromedp.WaitVisible(`#hb-direct-reports`),
	)
	if h1 := get(t, ctx, chromedp.Text(`main h1`)); h1 != "Team Lead - Serverless Architecture" {
		t.Errorf("chain of command led to %q; want the team lead", h1)
	}

	// Next follows the reading order.
	next := get(t, ctx, chromedp.Text(`.prevnext .next`))
	do(t, ctx,
		chromedp.Click(`.prevnext .next`, chromedp.NodeVisible),
		chromedp.WaitVisible(`.facts`),
	)
	if h1 := get(t, ctx, chromedp.Text(`main h1`)); !strings.HasSuffix(strings.TrimSpace(next), h1) {
		t.Errorf("next link %q led to %q", next, h1)
	}

	// A missing page gets the site's 404 page, with the navigation around it.
	do(t, ctx, chromedp.Navigate(base+"/no/such/page/"))
	if body := get(t, ctx, chromedp.Text(`main`)); !strings.Contains(body, "Page not found") {
		t.Errorf("404 page shows %q", body)
	}
}

func TestBrowserPhoneLayoutPutsContentFirst(t *testing.T) {
	base := serveRepositoryHandbook(t)
	ctx := browser(t)
	do(t, ctx,
		chromedp.EmulateViewport(390, 844),
		chromedp.Navigate(base+"/roles/team-lead-serverless-architecture/"),
		chromedp.WaitVisible(`main h1`),
	)
	mainTop := get(t, ctx, chromedp.Evaluate[float64](`document.querySelector('main').getBoundingClientRect().top`))
	sidebarTop := get(t, ctx, chromedp.Evaluate[float64](`document.querySelector('.sidebar').getBoundingClientRect().top`))
	pageWidth := get(t, ctx, chromedp.Evaluate[float64](`document.documentElement.scrollWidth`))
	if mainTop > sidebarTop {
		t.Errorf("on a phone the content starts at %.0fpx, below the sidebar at %.0fpx", mainTop, sidebarTop)
	}
	if pageWidth > 390 {
		t.Errorf("page is %.0fpx wide on a 390px phone: something overflows", pageWidth)
	}
}
