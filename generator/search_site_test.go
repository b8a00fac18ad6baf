package generator_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

const searchSite = `
-- content/roles/lead.md --
---
title: Team Lead
skills: [Terraform]
---
Leads the team.

## Approvals

Approves every design.
-- content/guide.md --
# Guide

Read this first.
`

// indexFiles returns the search index files of a built site by name.
func indexFiles(t *testing.T, dest string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(dest, "search", "index"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dest, "search", "index", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = string(data)
	}
	return out
}

// TestSearchIndexWritten: the build writes the search page and an index
// whose files are script shards, named by content, the same every build.
func TestSearchIndexWritten(t *testing.T) {
	a := build(t, searchSite).ok().
		contains("search/index.html", `id="hb-search-page"`, `name="q"`).
		contains("roles/lead/index.html", `role="combobox"`, `action="/search/"`, `/assets/search.`)
	b := build(t, searchSite).ok()
	fa, fb := indexFiles(t, a.dest), indexFiles(t, b.dest)
	if !reflect.DeepEqual(fa, fb) {
		t.Error("two builds of the same content wrote different search indexes")
	}
	if _, ok := fa["manifest.js"]; !ok || len(fa) < 4 {
		t.Fatalf("index files: %v; want a manifest, dictionary, postings and text", len(fa))
	}
	for name, data := range fa {
		if !strings.HasPrefix(data, `handbook.search._load("`+strings.TrimSuffix(name, ".js")+`",`) {
			t.Errorf("%s does not load itself as a shard: %.60s", name, data)
		}
	}
	// The generated pages a reader looks for are indexed too: the role's
	// onboarding path, the skills matrix and the start-here page. A section
	// id that is its heading's slug is left out.
	a.contains("search/index/manifest.js", `"groups":[["onboarding","",0],["page","",1],["role","",2],["skills","",3],["start","",4]]`)
	var text string
	for name, data := range fa {
		if strings.HasPrefix(name, "t.") {
			text += data
		}
	}
	if !strings.Contains(text, `"hb-skills","Skills","Terraform"`) || !strings.Contains(text, `"","Approvals","Approves every design."`) {
		t.Errorf("text packs lack the role's skills or sections: %s", text)
	}
}

// TestSearchPageClashes: a content page cannot take the search page's URL.
func TestSearchPageClashes(t *testing.T) {
	build(t, "-- content/search.md --\n# Search\n").fails().
		diagnostics("content/search.md: error: content/search.md would be published at /search/, where the search page already is; rename one")
}
