package generator_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/teamhandbook/handbook"
	"github.com/teamhandbook/handbook/generator"
)

// TestBuilderReuseRules makes, one after another, an edit for each thing
// serve's Builder keeps between builds while its inputs stay (the
// navigation tree, the output checks, the sitemap, page digests, link
// digests, backlinks) that must make it make that thing again. After each,
// the snapshot must be what a full build writes, the output must show the
// edit where the kept thing shows it, and a change that touches none of
// them must render only a few pages.
func TestBuilderReuseRules(t *testing.T) {
	fsys := largeHandbook(60) // 6 roles, 6 processes, 48 guides in guides/g0
	cfg := generator.Config{Site: fsys, Templates: handbook.Templates(), Assets: handbook.Assets()}
	b := generator.NewBuilder(cfg)
	if _, rep, err := b.Build(context.Background(), nil); err != nil {
		t.Fatalf("%v\n%s", err, rep.Diagnostics)
	}
	get := func(p string) string { return string(fsys[p].Data) }
	set := func(p, data string) { fsys[p] = &fstest.MapFile{Data: []byte(data)} }
	guide := func(i int) string { return fmt.Sprintf("content/guides/g0/page-%d.md", i) }
	aliased := get(guide(2))
	steps := []struct {
		name     string
		edit     func() []string
		has      map[string]string // file → what it must show after the edit
		hasNot   map[string]string // file → what it must no longer show
		diag     string            // a diagnostic the build must report
		rendered int               // at most this many pages rendered again, when not 0
	}{
		{name: "reports_to keeps the tree and renders the org pages around the role",
			edit: func() []string {
				set("content/roles/role-5.md", strings.Replace(get("content/roles/role-5.md"), "reports_to: role-1", "reports_to: role-2", 1))
				return []string{"content/roles/role-5.md"}
			},
			has: map[string]string{"roles/role-5/index.html": `Reports to</dt><dd><a href="../../roles/role-2/"`}, rendered: 12},
		{name: "a title changes the sidebar of the folder and the backlinks of what the page links to",
			edit: func() []string {
				set(guide(10), strings.Replace(get(guide(10)), "# Guide page 10\n", "# Renamed guide\n", 1))
				return []string{guide(10)}
			},
			has: map[string]string{"guides/g0/page-0/index.html": "Renamed guide", "roles/role-4/index.html": "Renamed guide"}},
		{name: "a weight reorders the sidebar",
			edit: func() []string {
				set(guide(20), "---\nweight: -1\n---\n"+get(guide(20)))
				return []string{guide(20)}
			},
			has: map[string]string{"guides/g0/page-0/index.html": `<a href="../../../guides/g0/page-20/">Guide page 20</a></li><li><a href="../../../guides/g0/page-0/"`}},
		{name: "an alias over a page is an error even though paths were checked before",
			edit: func() []string {
				set(guide(2), "---\naliases: [/guides/g0/page-1/]\n---\n"+aliased)
				return []string{guide(2)}
			},
			diag: "would be published at /guides/g0/page-1/"},
		{name: "the alias's error moves with it",
			edit: func() []string {
				set(guide(2), "---\nsummary: Moved down a line.\naliases: [/guides/g0/page-1/]\n---\n"+aliased)
				return []string{guide(2)}
			},
			diag: "page-2.md:3:"},
		{name: "the alias removed, the site builds",
			edit: func() []string { set(guide(2), aliased); return []string{guide(2)} },
			has:  map[string]string{"guides/g0/page-2/index.html": "Guide page 2"}},
		{name: "a new page is in the sitemap",
			edit: func() []string {
				set("content/guides/g0/new.md", "# A new page\n\nSee [role 1](../../roles/role-1.md).\n")
				return []string{"content/guides/g0/new.md"}
			},
			has: map[string]string{"sitemap.xml": "/guides/g0/new/"}},
		{name: "a role made external: the pages are the same, its onboarding path leaves the sitemap",
			edit: func() []string {
				set("content/roles/role-4.md", "---\nexternal: true\n"+strings.TrimPrefix(get("content/roles/role-4.md"), "---\n"))
				return []string{"content/roles/role-4.md"}
			},
			has:    map[string]string{"sitemap.xml": "/onboarding/role-3/"},
			hasNot: map[string]string{"sitemap.xml": "/onboarding/role-4/"}},
		{name: "a page names an owner in its front matter",
			edit: func() []string {
				set(guide(30), "---\nowner: role-3\n---\n"+get(guide(30)))
				return []string{guide(30)}
			},
			has: map[string]string{"roles/role-3/index.html": "Guide page 30"}},
		{name: "its new title is in the owner's backlinks, which show it nowhere else",
			edit: func() []string {
				set(guide(30), strings.Replace(get(guide(30)), "# Guide page 30\n", "# Owned guide\n", 1))
				return []string{guide(30)}
			},
			has:    map[string]string{"roles/role-3/index.html": "Owned guide"},
			hasNot: map[string]string{"roles/role-3/index.html": "Guide page 30"}},
		{name: "a link's new target is rewritten and shown in the target's backlinks",
			edit: func() []string {
				set("content/guides/g0/new.md", "# A new page\n\nSee [role 2](../../roles/role-2.md).\n")
				return []string{"content/guides/g0/new.md"}
			},
			has:    map[string]string{"roles/role-2/index.html": "A new page", "guides/g0/new/index.html": `href="../../../roles/role-2/"`},
			hasNot: map[string]string{"roles/role-1/index.html": "A new page"}},
	}
	for _, st := range steps {
		changed := st.edit()
		snap, rep, err := b.Build(context.Background(), changed)
		full := cfg
		full.Dest = filepath.Join(t.TempDir(), "public")
		frep, ferr := generator.Build(context.Background(), full)
		if (err == nil) != (ferr == nil) {
			t.Fatalf("%s: incremental error %v, full build error %v\n%s", st.name, err, ferr, frep.Diagnostics)
		}
		if got, want := rep.Diagnostics.String(), frep.Diagnostics.String(); got != want {
			t.Fatalf("%s: diagnostics differ:\nincremental:\n%s\nfull:\n%s", st.name, got, want)
		}
		if st.diag != "" && !strings.Contains(rep.Diagnostics.String(), st.diag) {
			t.Fatalf("%s: no diagnostic with %q in\n%s", st.name, st.diag, rep.Diagnostics)
		}
		if err != nil {
			continue
		}
		if job := b.Search(); job != nil { // serve's index comes after the pages
			if err := job.Run(); err != nil {
				t.Fatalf("%s: search index: %v", st.name, err)
			}
			snap, _ = b.WithSearch(job)
		}
		compareSnapshot(t, st.name, snap, full.Dest)
		files := map[string]string{}
		snap.Each(func(name string, data []byte) { files[name] = string(data) })
		for f, want := range st.has {
			if !strings.Contains(files[f], want) {
				t.Errorf("%s: %s does not have %q", st.name, f, want)
			}
		}
		for f, gone := range st.hasNot {
			if _, ok := files[f]; !ok || strings.Contains(files[f], gone) {
				t.Errorf("%s: %s still has %q (or is missing)", st.name, f, gone)
			}
		}
		if st.rendered > 0 && rep.Rendered > st.rendered {
			t.Errorf("%s: %d pages rendered, want at most %d", st.name, rep.Rendered, st.rendered)
		}
	}
}
