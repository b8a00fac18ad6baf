package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// waitFor evaluates js in the page until it is true.
func waitFor(t *testing.T, ctx context.Context, what, js string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js)); err == nil && ok {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("timed out waiting until %s", what)
}

func TestBrowserLiveReloadAndOverlay(t *testing.T) {
	ctx := browser(t)
	dir := liveSite(t)
	long := strings.Repeat("\n\nA paragraph that makes the page long enough to scroll.", 150)
	writeFile(t, filepath.Join(dir, "content/guides/onboarding/intro.md"), "# Introduction\n\nThe first text."+long)
	base, _ := startServe(t, "--source", dir)
	do(t, ctx,
		chromedp.Navigate(base+"/guides/onboarding/intro/"),
		chromedp.WaitVisible(`main .prose`),
	)
	get(t, ctx, chromedp.Evaluate[bool](`window.scrollTo(0, 300), window.notReloaded = true`))

	// The edit shows without navigating, at the same scroll position.
	writeFile(t, filepath.Join(dir, "content/guides/onboarding/intro.md"), "# Introduction\n\nThe second text."+long)
	waitFor(t, ctx, "the edit shows", `document.querySelector("main .prose")?.textContent.includes("The second text.") && document.readyState === "complete"`)
	waitFor(t, ctx, "the scroll position is restored", `Math.abs(window.scrollY - 300) < 2`)

	// A broken reference shows the overlay, naming the file and line.
	writeFile(t, filepath.Join(dir, "content/roles/developer.md"), "---\ntitle: Developer\nreports_to: laed\n---\nDevelops.\n")
	waitFor(t, ctx, "the overlay shows", `document.getElementById("hb-overlay") !== null`)
	overlay := get(t, ctx, chromedp.Text(`#hb-overlay`))
	for _, want := range []string{"content/roles/developer.md:3:13", `"laed"`, "reports_to: laed"} {
		if !strings.Contains(overlay, want) {
			t.Errorf("overlay lacks %q:\n%s", want, overlay)
		}
	}
	// The last good page is still underneath.
	if text := get(t, ctx, chromedp.Text(`main .prose`)); !strings.Contains(text, "The second text.") {
		t.Errorf("page under the overlay: %q", text)
	}

	// Fixing it removes the overlay.
	writeFile(t, filepath.Join(dir, "content/roles/developer.md"), "---\ntitle: Developer\nreports_to: lead\n---\nDevelops.\n")
	waitFor(t, ctx, "the overlay goes", `document.getElementById("hb-overlay") === null && document.readyState === "complete"`)
}

func TestBrowserStylesheetSwapKeepsPage(t *testing.T) {
	ctx := browser(t)
	dir := liveSite(t)
	writeFile(t, filepath.Join(dir, "assets/style.css"), "main { color: rgb(1, 2, 3); }\n")
	base, _ := startServe(t, "--source", dir)
	do(t, ctx,
		chromedp.Navigate(base+"/guides/onboarding/intro/"),
		chromedp.WaitVisible(`main .prose`),
	)
	get(t, ctx, chromedp.Evaluate[bool](`window.notReloaded = true`))
	writeFile(t, filepath.Join(dir, "assets/style.css"), "main { color: rgb(4, 5, 6); }\n")
	waitFor(t, ctx, "the new stylesheet applies", `getComputedStyle(document.querySelector("main")).color === "rgb(4, 5, 6)"`)
	if kept := get(t, ctx, chromedp.Evaluate[bool](`window.notReloaded === true`)); !kept {
		t.Error("a stylesheet change reloaded the page")
	}
}
