package generator_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/teamhandbook/handbook/generator/publish"
)

func TestRolePageShowsChainReportsProcessesLaddersAndBacklinks(t *testing.T) {
	s := build(t, org+`
-- content/onboarding.md --
---
title: Onboarding
---
Meet your [lead](roles/lead.md) first.
`).ok()
	s.contains("roles/dev/index.html",
		// Chain of command: alternatives first, then up from the first.
		`<ol class="chain"><li><a href="/roles/senior/">Senior Developer</a> or <a href="/roles/lead/">Team Lead</a></li><li><a href="/roles/lead/">Team Lead</a></li><li><a href="/roles/vp/">VP of Engineering</a> <span class="tag">external</span></li></ol>`,
		`<a href="/processes/review/">Code Review</a> <span class="tag">participant</span>`,
		`step 1 of 4, typically 2-3 years. Next step: <a href="/roles/senior/">Senior Developer</a>`,
	)
	s.contains("roles/lead/index.html",
		`<h2 id="hb-direct-reports">Direct reports</h2>`,
		`<a href="/roles/senior/">Senior Developer</a> <span class="count" title="positions">2</span>`,
		`<a href="/roles/dev/">Developer</a> <span class="count" title="positions">1-2</span> <span class="also">(or reports to Senior Developer)</span>`,
		`<a href="/processes/review/">Code Review</a> <span class="tag">owner</span>`,
		// Backlinks: from front matter (reports_to, lead, owner, levels) and from body links.
		`<h2 id="hb-backlinks">Referenced by</h2>`,
		`<a href="/teams/core/">Core Team</a>`,
		`<a href="/onboarding/">Onboarding</a>`,
		`step 4 of 4`,
	)
	s.contains("onboarding/index.html", `Meet your <a href="/roles/lead/">lead</a> first.`)
	s.contains("ladders/engineering/index.html",
		`<span class="step">Technical lead</span>`,
		`typically 2-3 years before the next step`)
	s.contains("teams/core/index.html", `<dt>Headcount</dt><dd>4-5</dd>`)
	s.contains("org/index.html",
		`<div class="node external"><a href="/roles/vp/">VP of Engineering</a> <span class="tag">external</span>`,
		`also reports to <a href="/roles/lead/">Team Lead</a>`)
	s.contains("roles/index.html", `<td><a href="/roles/dev/">Developer</a></td><td>1-2</td>`)
	s.contains("sitemap.xml", `<loc>/roles/dev/</loc>`)
	s.contains("404.html", `Page not found`)
	s.contains("schema/frontmatter.json", `"reports_to"`)
}

func TestLinksAreRewrittenToPageURLs(t *testing.T) {
	build(t, `
-- content/_index.md --
# Home

[abs](/content/guide/setup.md#install), [folder](guide/), [url](/org/), [img](img/logo.png), [ext](https://example.com/x.md)
-- content/guide/setup.md --
# Setup

## Install
-- content/img/logo.png --
PNG
`).ok().contains("index.html",
		`<a href="/guide/setup/#install">abs</a>`,
		`<a href="/guide/">folder</a>`,
		`<a href="/org/">url</a>`,
		`<a href="/img/logo.png">img</a>`,
		`<a href="https://example.com/x.md">ext</a>`,
	).contains("img/logo.png", "PNG")
}

func TestLandingPagesAndTitlesFromHeadings(t *testing.T) {
	s := build(t, `
-- content/README.md --
# Our handbook

Welcome.
-- content/guide/index.md --
# Guides
-- content/guide/setup.md --
# Setting up
-- content/policies/_index.md --
---
title: Policies
---
-- content/policies/leave.md --
# Leave
`).ok()
	s.contains("index.html", "<title>Our handbook · Handbook</title>", `<h1 id="our-handbook">Our handbook</h1>`)
	if n := strings.Count(s.file("index.html"), "<h1"); n != 1 {
		t.Errorf("index.html has %d h1 elements; want 1 (the heading became the title)", n)
	}
	s.contains("guide/index.html", `<h1 id="guides">Guides</h1>`, `<a href="/guide/setup/">Setting up</a>`)
	s.contains("policies/index.html", `<a href="/policies/leave/">Leave</a>`)
	s.contains("policies/leave/index.html", `<ol><li><a href="/">Our handbook</a></li><li><a href="/policies/">Policies</a></li>`)
}

func TestAliasesRedirect(t *testing.T) {
	build(t, `
-- content/roles/lead.md --
---
title: Lead
aliases: [/old/lead/]
---
`).ok().contains("old/lead/index.html", `<meta http-equiv="refresh" content="0; url=/roles/lead/">`)
}

func TestBaseURLPrefixesLinks(t *testing.T) {
	build(t, `
-- handbook.yaml --
base_url: https://example.github.io/handbook/
-- content/a.md --
# A

[b](b.md)
-- content/b.md --
# B
`).ok().contains("a/index.html", `<a href="/handbook/b/">b</a>`, `href="/handbook/assets/style.`).
		contains("sitemap.xml", `<loc>https://example.github.io/handbook/a/</loc>`)
}

// TestLinksAreRelativeToEachPage checks the written bytes, not the links as
// contains resolves them: pages link relatively so that the site works
// under any path and from disk; only the 404 page, served at any URL,
// links from the root.
func TestLinksAreRelativeToEachPage(t *testing.T) {
	s := build(t, `
-- handbook.yaml --
base_url: https://example.github.io/handbook/
-- content/a.md --
# A

[b](roles/b.md) and [c](roles/c.md#work)
-- content/roles/b.md --
# B

[a](../a.md)
-- content/roles/c.md --
# C

## Work
`).ok()
	for _, tt := range []struct{ file, want string }{
		{"index.html", `href="./assets/style.`},
		{"index.html", `<a href="./roles/">`},
		{"a/index.html", `<a href="../roles/b/">b</a> and <a href="../roles/c/#work">c</a>`},
		{"a/index.html", `src="../assets/search.`},
		{"a/index.html", `action="../search/"`},
		{"roles/b/index.html", `<a href="../../a/">a</a>`},
		{"roles/b/index.html", `href="../../assets/style.`},
		{"404.html", `href="/handbook/assets/style.`},
	} {
		if got := s.file(tt.file); !strings.Contains(got, tt.want) {
			t.Errorf("%s does not contain %s", tt.file, tt.want)
		}
	}
	for _, f := range []string{"index.html", "a/index.html", "roles/b/index.html", "org/index.html"} {
		if got := s.file(f); strings.Contains(got, `="/handbook/`) {
			t.Errorf("%s links from the root: %s", f, got[strings.Index(got, `="/handbook/`)-10:][:60])
		}
	}
}

func TestRawHTMLIsOffUnlessEnabled(t *testing.T) {
	page := "\n-- content/a.md --\n# A\n\n<script>alert(1)</script>\n"
	build(t, page).ok().contains("a/index.html", "! <script>alert(1)")
	build(t, "-- handbook.yaml --\nunsafe_html: true\n"+page).ok().contains("a/index.html", "<script>alert(1)</script>")
}

func TestSiteTemplatesAndAssetsOverrideBuiltIns(t *testing.T) {
	s := build(t, `
-- content/roles/lead.md --
---
title: Lead
---
-- templates/role.html --
{{define "main"}}<p class="custom">Custom role page for {{.Title}}</p>{{end}}
-- assets/style.css --
body { color: red }
-- assets/extra.txt --
hello
`).ok()
	s.contains("roles/lead/index.html", `<p class="custom">Custom role page for Lead</p>`)
	// The built-in frame still wraps it.
	s.contains("roles/lead/index.html", `<nav class="sidebar"`)
	var css string
	entries, _ := os.ReadDir(filepath.Join(s.dest, "assets"))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "style.") {
			css = s.file("assets/" + e.Name())
		}
	}
	if css != "body { color: red }\n" {
		t.Errorf("style.css = %q; want the site's own", css)
	}
	s.contains("roles/lead/index.html", "! /assets/style.css\"") // fingerprinted, never the bare name
}

func TestBrokenTemplateIsAnErrorWithItsFile(t *testing.T) {
	s := build(t, `
-- content/a.md --
# A
-- templates/page.html --
{{define "main"}}{{.Nope}{{end}}
`)
	if s.err == nil || !strings.Contains(s.err.Error(), "templates/page.html") {
		t.Fatalf("error = %v; want one naming templates/page.html", s.err)
	}
}

func TestFailedBuildLeavesPreviousOutputUntouched(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	good := "-- content/a.md --\n# A\n\nVersion one.\n"
	buildInto(t, dest, good).ok()
	before := snapshot(t, dest)

	s := buildInto(t, dest, "-- content/a.md --\n# A\n\n[broken](missing.md)\n")
	if s.err == nil {
		t.Fatal("build with a broken link succeeded")
	}
	if after := snapshot(t, dest); after != before {
		t.Errorf("failed build changed the output:\nbefore: %s\nafter:  %s", before, after)
	}
	entries, _ := os.ReadDir(filepath.Dir(dest))
	if len(entries) != 1 {
		t.Errorf("failed build left %d entries beside public/; want 1", len(entries))
	}

	buildInto(t, dest, strings.Replace(good, "one", "two", 1)).ok().contains("a/index.html", "Version two.")
}

func TestRefusesToReplaceAFolderItDidNotBuild(t *testing.T) {
	dest := t.TempDir()
	os.WriteFile(filepath.Join(dest, "thesis.tex"), []byte("years of work"), 0o644)
	s := buildInto(t, dest, "-- content/a.md --\n# A\n")
	if s.err == nil || !strings.Contains(s.err.Error(), "refusing to replace") {
		t.Fatalf("error = %v; want a refusal", s.err)
	}
	if b, _ := os.ReadFile(filepath.Join(dest, "thesis.tex")); string(b) != "years of work" {
		t.Error("the folder's file was changed")
	}
	if _, err := os.Stat(filepath.Join(dest, publish.Marker)); err == nil {
		t.Error("marker written into a foreign folder")
	}
}

// snapshot lists every file under dir with its content.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, _ := os.ReadFile(p)
		b.WriteString(p + "=" + string(data) + ";")
		return nil
	})
	return b.String()
}

func TestTeamHeadcountIncludesLeadAndChildTeams(t *testing.T) {
	s := build(t, `
-- content/teams/division.md --
---
title: Division
lead: head
---
-- content/teams/squad.md --
---
title: Squad
lead: lead
parent: division
---
-- content/roles/head.md --
---
title: Head
---
-- content/roles/lead.md --
---
title: Lead
reports_to: head
---
-- content/roles/dev.md --
---
title: Dev
reports_to: lead
positions: 2-3
---
-- content/roles/a.md --
---
title: A
reports_to: [lead, b, c]
---
-- content/roles/b.md --
---
title: B
reports_to: lead
---
-- content/roles/c.md --
---
title: C
reports_to: lead
---
`).ok()
	// Squad: lead 1 + dev 2-3 + a, b, c 1 each; Division: head 1 + Squad.
	s.contains("teams/squad/index.html", `<dt>Headcount</dt><dd>6-7</dd>`)
	s.contains("teams/division/index.html", `<dt>Headcount</dt><dd>7-8</dd>`)
	s.contains("roles/lead/index.html", `(or reports to B or C)`)
	s.contains("roles/b/index.html", `(or reports to Lead or C)`)
}

func TestLinkToTheTitleHeadingWorks(t *testing.T) {
	build(t, `
-- content/a.md --
# The Café Page

Text.
-- content/b.md --
# B

[back](a.md#the-café-page)
-- content/my page.md --
# Spaces
`).ok().
		contains("a/index.html", `<h1 id="the-café-page">The Café Page</h1>`).
		contains("sitemap.xml", `<loc>/my%20page/</loc>`)
}
