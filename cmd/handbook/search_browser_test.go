package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/teamhandbook/handbook"
	"github.com/teamhandbook/handbook/generator"
	"github.com/teamhandbook/handbook/generator/search"
)

// jsSearch runs handbook.search in the page and returns its results as the
// Go searcher's JSON, URLs relative to the site root.
func jsSearch(t *testing.T, ctx context.Context, q, kind string) string {
	t.Helper()
	expr := fmt.Sprintf(`(async () => {
		const rel = (u) => u.slice(handbook.search.root.length - 1);
		const rs = await handbook.search(%q, {kind: %q});
		return JSON.stringify({
			results: rs.map((r) => ({url: rel(r.url), title: r.title, kind: r.kind, crumbs: r.crumbs, excerpt: r.excerpt,
				sections: r.sections.map((s) => ({url: rel(s.url), title: s.title, excerpt: s.excerpt}))})),
			total: rs.total,
			counts: rs.counts,
		});
	})()`, q, kind)
	return get(t, ctx, chromedp.Evaluate[string](expr, chromedp.EvalAwaitPromise))
}

// TestBrowserSearchMatchesGo runs the relevance queries and more through
// the Go searcher and the JavaScript client over the same built handbook
// and requires identical results: order, excerpts, sections, counts.
func TestBrowserSearchMatchesGo(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if code := run(context.Background(), []string{"build", "--source", "../..", "--dest", dest}, io.Discard, io.Discard); code != 0 {
		t.Fatalf("building the handbook: exit %d", code)
	}
	idx, err := search.Load(os.DirFS(dest))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(siteHandler(dest, "/"))
	t.Cleanup(srv.Close)
	ctx := browser(t)
	do(t, ctx, chromedp.Navigate(srv.URL+"/"), chromedp.WaitReady(`body`))

	data, err := os.ReadFile("../../generator/search/testdata/seed-queries.txt")
	if err != nil {
		t.Fatal(err)
	}
	queries := []string{`"code review"`, `"review code"`, "on-call", "99.9%", "C++", "node.js", "Café", "DevOps", "devOpsEngineer",
		"serverless ", "s", "xq", "zzzzzzzz", `"incident`, "team lead approval weekly", "architecure", "terrafrom clodformation"}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Split(line, "\t"); len(f) == 3 {
			queries = append(queries, f[1])
		}
	}
	for _, q := range queries {
		for _, kind := range []string{"", "role"} {
			want := idx.Search(q, search.Options{Kind: kind})
			var got search.Results
			js := jsSearch(t, ctx, q, kind)
			if err := json.Unmarshal([]byte(js), &got); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("search %q kind %q:\n JS: %s\n Go: %+v", q, kind, js, want)
			}
		}
	}
}

// smallSite is a handbook served under base, for the file:// and sub-path
// tests: links and assets must work from there.
func smallSite(t *testing.T, dest, base string) {
	t.Helper()
	site := fstest.MapFS{
		"handbook.yaml":            {Data: []byte("title: Small\nbase_url: " + base + "\n")},
		"content/_index.md":        {Data: []byte("# Small\n\nWelcome.\n")},
		"content/roles/_index.md":  {Data: []byte("# Roles\n")},
		"content/roles/lead.md":    {Data: []byte("---\ntitle: Team Lead\n---\nLeads the team.\n\n## Approvals\n\nApproves every design.\n")},
		"content/roles/dev.md":     {Data: []byte("---\ntitle: Developer\nreports_to: lead\n---\nWrites code and designs.\n")},
		"content/processes/rev.md": {Data: []byte("---\ntitle: Design Review\nowner: lead\n---\nEvery design is reviewed.\n\n## Who approves\n\nThe lead approves designs.\n")},
	}
	cfg := generator.Config{Site: site, Templates: handbook.Templates(), Assets: handbook.Assets(), Dest: dest}
	if rep, err := generator.Build(context.Background(), cfg); err != nil {
		t.Fatalf("%v\n%s", err, rep.Diagnostics)
	}
}

func TestBrowserSearchUI(t *testing.T) {
	base := serveRepositoryHandbook(t)
	ctx := browser(t)
	do(t, ctx,
		chromedp.Navigate(base+"/roles/cto/"),
		chromedp.WaitVisible(`#hb-q`),
		chromedp.KeyEvent("/"),
	)
	if focused := get(t, ctx, chromedp.Evaluate[string](`document.activeElement.id`)); focused != "hb-q" {
		t.Fatalf("after /, focus is on %q; want the search box", focused)
	}
	do(t, ctx,
		chromedp.SendKeys(`#hb-q`, "incident resp"),
		chromedp.WaitVisible(`#hb-listbox [role=option]`),
	)
	if exp := get(t, ctx, chromedp.Evaluate[string](`document.getElementById('hb-q').getAttribute('aria-expanded')`)); exp != "true" {
		t.Errorf("aria-expanded = %q with results shown", exp)
	}
	first := get(t, ctx, chromedp.Text(`#hb-listbox [role=option] .hit-title`))
	if first != "Incident Response" {
		t.Errorf("first result %q; want Incident Response", first)
	}
	if marks := get(t, ctx, chromedp.Evaluate[float64](`document.querySelectorAll('#hb-listbox mark').length`)); marks == 0 {
		t.Error("no matched word is marked in the excerpts")
	}

	// The kind chips filter, with counts.
	chip := get(t, ctx, chromedp.Text(`.chips .chip[data-kind=role]`))
	do(t, ctx, chromedp.Click(`.chips .chip[data-kind=role]`), chromedp.Sleep(300*time.Millisecond))
	kinds := get(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('#hb-listbox .hit:not(.sub) .tag')].map(e => e.textContent)`))
	if len(kinds) == 0 || !strings.HasPrefix(chip, "Role ") {
		t.Fatalf("role chip %q showed %v", chip, kinds)
	}
	for _, k := range kinds {
		if k != "Role" {
			t.Errorf("with the role filter, a %s result is shown", k)
		}
	}
	if pressed := get(t, ctx, chromedp.Evaluate[string](`document.querySelector('.chip[data-kind=role]').getAttribute('aria-pressed')`)); pressed != "true" {
		t.Errorf("role chip aria-pressed = %q", pressed)
	}

	// Arrow keys select, Enter follows.
	do(t, ctx,
		chromedp.Click(`.chips .chip[data-kind=""]`),
		chromedp.Sleep(300*time.Millisecond),
		chromedp.KeyEvent(kb.ArrowDown),
	)
	sel := get(t, ctx, chromedp.Evaluate[string](`document.getElementById('hb-q').getAttribute('aria-activedescendant')`))
	if sel != "hb-opt-0" {
		t.Errorf("after ArrowDown, active option %q; want hb-opt-0", sel)
	}
	do(t, ctx, chromedp.KeyEvent("\r"), chromedp.WaitVisible(`main h1`))
	if h1 := get(t, ctx, chromedp.Text(`main h1`)); h1 != "Incident Response" {
		t.Errorf("Enter led to %q", h1)
	}

	// Ctrl-K opens the box from anywhere.
	do(t, ctx, chromedp.WaitVisible(`#hb-q`), chromedp.KeyEvent("k", chromedp.KeyModifiers(2)))
	if focused := get(t, ctx, chromedp.Evaluate[string](`document.activeElement.id`)); focused != "hb-q" {
		t.Errorf("after Ctrl-K, focus is on %q", focused)
	}

	// The search page renders ?q=, typos forgiven.
	do(t, ctx, chromedp.Navigate(base+"/search/?q=terrafrom"), chromedp.WaitVisible(`ol.results li`))
	if txt := get(t, ctx, chromedp.Text(`ol.results`)); !strings.Contains(txt, "Terraform") {
		t.Errorf("/search/?q=terrafrom shows %q", txt)
	}
	if v := get(t, ctx, chromedp.Value(`#hb-search-page-q`)); v != "terrafrom" {
		t.Errorf("search page box holds %q", v)
	}
}

// TestBrowserSearchFromDiskAndSubPath opens a site straight from disk
// (file://, where fetch is blocked) and one served under /sub/.
func TestBrowserSearchFromDiskAndSubPath(t *testing.T) {
	ctx := browser(t)
	// base_url must be http(s); its path is what file:// needs.
	disk := filepath.Join(t.TempDir(), "public")
	smallSite(t, disk, "http://localhost"+filepath.ToSlash(disk)+"/")
	sub := filepath.Join(t.TempDir(), "public")
	smallSite(t, sub, "https://example.com/sub/")
	srv := httptest.NewServer(siteHandler(sub, "/sub/"))
	t.Cleanup(srv.Close)
	for _, start := range []string{"file://" + filepath.ToSlash(disk) + "/index.html", srv.URL + "/sub/"} {
		do(t, ctx,
			chromedp.Navigate(start),
			chromedp.WaitVisible(`#hb-q`),
		)
		do(t, ctx,
			chromedp.SendKeys(`#hb-q`, "who aproves"),
			chromedp.WaitReady(`#hb-listbox [role=option]`),
		)
		href := get(t, ctx, chromedp.Evaluate[string](`document.querySelector('#hb-listbox [role=option] a').href`))
		get(t, ctx, chromedp.Evaluate[bool](`document.querySelector("#hb-listbox [role=option] a").click() || true`))
		do(t, ctx, chromedp.WaitVisible(`main h1`))
		h1 := get(t, ctx, chromedp.Text(`main h1`))
		if h1 != "Design Review" && h1 != "Team Lead" {
			t.Errorf("from %s: the first result %s opened %q", start, href, h1)
		}
	}
}

// TestBrowserSearchModule: the ES module entry point, imported from a site
// served under a sub-path, gives what the page's client gives, including
// when it is imported before that client has run.
func TestBrowserSearchModule(t *testing.T) {
	ctx := browser(t)
	sub := filepath.Join(t.TempDir(), "public")
	smallSite(t, sub, "https://example.com/sub/")
	srv := httptest.NewServer(siteHandler(sub, "/sub/"))
	t.Cleanup(srv.Close)
	do(t, ctx, chromedp.Navigate(srv.URL+"/sub/roles/lead/"), chromedp.WaitVisible(`#hb-q`))
	got := get(t, ctx, chromedp.Evaluate[string](`(async () => {
		const m = await import(new URL("search/search.mjs", handbook.search.root).href);
		const [a, b] = await Promise.all([m.search("who aproves", {kind: "process"}), handbook.search("who aproves", {kind: "process"})]);
		return m.default === m.search && a.length > 0 && JSON.stringify(a) === JSON.stringify(b) ? "same" : JSON.stringify([a, b]);
	})()`, chromedp.EvalAwaitPromise))
	if got != "same" {
		t.Errorf("the module's results differ from the client's: %s", got)
	}
	// Imported by a module script in the page, which may run before the
	// deferred client: it waits for it.
	got = get(t, ctx, chromedp.Evaluate[string](`new Promise((resolve) => {
		const html = '<script type="module">import { search } from "' + new URL("search/search.mjs", handbook.search.root).href +
			'"; search("design").then((rs) => parent.postMessage(rs.map((r) => r.title).join(","), "*"), (e) => parent.postMessage(String(e), "*"));</scr' + 'ipt>' +
			'<script src="' + document.querySelector('script[src*="search"]').src + '" defer></scr' + 'ipt>';
		addEventListener("message", (e) => resolve(e.data), {once: true});
		const f = document.createElement("iframe");
		f.srcdoc = html;
		document.body.append(f);
	})`, chromedp.EvalAwaitPromise))
	if !strings.Contains(got, "Design Review") {
		t.Errorf("module imported before the client: results %q; want Design Review among them", got)
	}
}
