package generator_test

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/teamhandbook/handbook"
	"github.com/teamhandbook/handbook/generator"
	"github.com/teamhandbook/handbook/internal/corpus"
)

// incrementalSite is largeHandbook with the kinds and features it lacks: a
// team with onboarding items, a ladder with competencies, skill pages and
// roles that name them, owned pages with review dates, a landing page and
// aliases. Every one of them is edited by TestIncrementalEqualsFullBuild.
func incrementalSite(n int) fstest.MapFS {
	fsys := largeHandbook(n)
	guide, proc, role := anchors(fsys, corpus.GuidePath(0)), anchors(fsys, "content/processes/process-0.md"), anchors(fsys, "content/roles/role-2.md")
	front := func(p, extra string) {
		data := string(fsys[p].Data)
		if !strings.HasPrefix(data, "---\n") {
			data = "---\n---\n" + data
		}
		fsys[p] = &fstest.MapFile{Data: []byte("---\n" + extra + strings.TrimPrefix(data, "---\n"))}
	}
	fsys["content/teams/platform.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Platform\nlead: role-0\nonboarding:\n" +
		"  - task: Read the first guide\n    link: ../guides/g0/page-0.md#" + guide[1] + "\n    when: week 1\n" +
		"  - task: Meet the team\n    link: \"#the-team\"\n    when: week 2\n---\nThe platform team.\n\n## The team\n\nWho we are.\n")}
	fsys["content/ladders/eng.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Engineering\nlevels:\n  - role: role-3\n  - role: role-1\n    typical: 2 years\n  - title: Principal\n" +
		"competencies:\n  Craft:\n    role-3: Writes code\n    role-1: Reviews code\n  Care:\n    role-1: Mentors\n---\nSteps.\n")}
	fsys["content/guides/_index.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Guides\naliases: [/howto/]\n---\nAll the guides.\n")}
	fsys["content/img/logo.txt"] = &fstest.MapFile{Data: []byte("logo")}
	fsys["content/skills/go.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Go\nsummary: The language.\n---\nWe write Go.\n")}
	fsys["content/skills/k8s.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Kubernetes\n---\nWe run it.\n")}
	front("content/roles/role-1.md", "team: platform\nskills:\n  required: [go]\n  preferred: [k8s]\naliases: [/old/role-one/]\n")
	front("content/roles/role-2.md", "team: platform\nskills:\n  required: [k8s]\nprocesses:\n  process-1: Takes part.\nonboarding:\n"+
		"  - task: Join the on-call rotation\n    link: ../processes/process-0.md#"+proc[2]+"\n    when: month 1\n"+
		"  - task: Read your own page\n    link: \"#"+role[3]+"\"\n")
	front(corpus.GuidePath(1), "owner: role-2\nreview_by: 2024-01-31\n")
	front(corpus.GuidePath(2), "owner: role-3\nreview_by: 2030-01-31\n")
	front(corpus.GuidePath(3), "review_by: 2024-03-01\n")
	return fsys
}

// anchors returns the ids of the "## " headings of a generated page, whose
// headings are words and spaces.
func anchors(fsys fstest.MapFS, p string) []string {
	var ids []string
	for _, line := range strings.Split(string(fsys[p].Data), "\n") {
		if h, ok := strings.CutPrefix(line, "## "); ok {
			ids = append(ids, strings.ReplaceAll(strings.ToLower(h), " ", "-"))
		}
	}
	return ids
}

// TestIncrementalEqualsFullBuild applies random edits to a site and checks,
// after each, that the Builder's snapshot is byte for byte what a full
// build writes, or that both fail with the same diagnostics.
func TestIncrementalEqualsFullBuild(t *testing.T) {
	steps := 80
	if testing.Short() {
		steps = 25
	}
	fsys := incrementalSite(120)
	cfg := generator.Config{Site: fsys, Templates: handbook.Templates(), Assets: handbook.Assets(),
		Now: func() time.Time { return time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC) }}
	b := generator.NewBuilder(cfg)
	rng := rand.New(rand.NewPCG(4, 4))
	built, fast := 0, 0 // successful builds, and those of bodies only
	check := func(step int, what string, changed []string) {
		t.Helper()
		snap, rep, err := b.Build(context.Background(), changed)
		dest := filepath.Join(t.TempDir(), "public")
		full := cfg
		full.Dest = dest
		frep, ferr := generator.Build(context.Background(), full)
		if (err == nil) != (ferr == nil) {
			t.Fatalf("step %d (%s): incremental error %v, full build error %v\n%s", step, what, err, ferr, frep.Diagnostics)
		}
		if got, want := rep.Diagnostics.String(), frep.Diagnostics.String(); got != want {
			t.Fatalf("step %d (%s): diagnostics differ:\nincremental:\n%s\nfull:\n%s", step, what, got, want)
		}
		if testing.Verbose() {
			t.Logf("step %d (%s): %d files rendered, body-only %v, error %v", step, what, rep.Rendered, rep.Incremental, err)
		}
		if err != nil {
			if step == 0 {
				t.Logf("first build: %v\n%s", err, rep.Diagnostics)
			}
			return
		}
		built++
		if rep.Incremental {
			fast++
		}
		// serve shows the pages first and the new search index after.
		if job := b.Search(); job != nil {
			if err := job.Run(); err != nil {
				t.Fatalf("step %d (%s): search index: %v", step, what, err)
			}
			var ok bool
			if snap, ok = b.WithSearch(job); !ok {
				t.Fatalf("step %d (%s): the search index of the latest build was not taken", step, what)
			}
		}
		compareSnapshot(t, fmt.Sprintf("step %d (%s)", step, what), snap, dest)
	}
	check(0, "first build", nil)
	pages := func(dir string) []string {
		var out []string
		for p := range fsys {
			if strings.HasPrefix(p, dir) && strings.HasSuffix(p, ".md") && !strings.HasSuffix(p, "_index.md") {
				out = append(out, p)
			}
		}
		slices.Sort(out)
		return out
	}
	pick := func(dir string) string { ps := pages(dir); return ps[rng.IntN(len(ps))] }
	set := func(p, data string) { fsys[p] = &fstest.MapFile{Data: []byte(data)} }
	get := func(p string) string { return string(fsys[p].Data) }
	var undo func() string // restores, next step, what an edit broke
	for step := 1; step <= steps; step++ {
		var what string
		var changed []string
		if undo != nil {
			p := undo()
			undo = nil
			check(step, "restore "+p, []string{p})
			continue
		}
		switch rng.IntN(18) {
		case 0, 1:
			p := pick("content/")
			set(p, get(p)+fmt.Sprintf("\nEdited in step %d.\n", step))
			what, changed = "body "+p, []string{p}
		case 2:
			p := pick("content/roles/")
			set(p, regexp.MustCompile(`title: .*`).ReplaceAllString(get(p), fmt.Sprintf("title: Role renamed %d", step)))
			what, changed = "title "+p, []string{p}
		case 3:
			// Roles 1 to 4 have reports, whose chains of command change.
			i := 1 + rng.IntN(4)
			p := fmt.Sprintf("content/roles/role-%d.md", i)
			re := regexp.MustCompile(`reports_to: .*`)
			if rng.IntN(2) == 0 {
				set(p, re.ReplaceAllString(get(p), fmt.Sprintf("reports_to: role-%d", rng.IntN(i))))
				what = "reports_to " + p
			} else {
				re := regexp.MustCompile(`positions: .*`)
				set(p, re.ReplaceAllString(get(p), fmt.Sprintf("positions: %d", 1+rng.IntN(5))))
				what = "positions " + p
			}
			changed = []string{p}
		case 4:
			p := fmt.Sprintf("content/guides/new/new-%d.md", step)
			target := pick("content/roles/")
			set(p, fmt.Sprintf("# New page %d\n\nSee [a role](../../roles/%s).\n", step, filepath.Base(target)))
			what, changed = "add "+p, []string{p}
			if rng.IntN(2) == 0 {
				changed = []string{"content/guides/new"} // a folder event
			}
		case 5:
			p := pick("content/guides/")
			data := get(p)
			delete(fsys, p)
			what, changed = "remove "+p, []string{p}
			undo = func() string { set(p, data); return p }
		case 6:
			set("templates/page.html", fmt.Sprintf("{{define \"main\"}}<!-- step %d -->{{with .Content}}<div class=\"prose\">{{.}}</div>{{end}}{{with .Section}}{{template \"sectionlist\" $}}{{end}}{{end}}\n", step))
			what, changed = "template", []string{"templates/page.html"}
		case 7:
			if _, ok := fsys["templates/page.html"]; ok {
				delete(fsys, "templates/page.html")
				what, changed = "remove template", []string{"templates/page.html"}
			} else {
				set("assets/style.css", fmt.Sprintf("body { margin: %dpx }\n", step))
				what, changed = "stylesheet", []string{"assets/style.css"}
			}
		case 8:
			p := pick("content/guides/")
			target := pick("content/guides/")
			rel, _ := filepath.Rel(filepath.Dir(p), target)
			set(p, get(p)+fmt.Sprintf("\nAlso [this](%s).\n", filepath.ToSlash(rel)))
			what, changed = "link "+p+" → "+target, []string{p}
		case 9:
			p := pick("content/roles/")
			data := get(p)
			set(p, strings.Replace(data, "## Section 1", "## Renamed 1", 1))
			what, changed = "rename heading "+p, []string{p}
			undo = func() string { set(p, data); return p }
		case 10:
			p := pick("content/")
			set(p, get(p)+"\nNothing new.\n")
			what, changed = "unknown change "+p, nil
		case 11:
			// A skill's name shows on the roles that need it and in
			// the matrix; which roles need it, on the skill's page.
			if rng.IntN(2) == 0 {
				p := "content/skills/" + []string{"go", "k8s"}[rng.IntN(2)] + ".md"
				set(p, regexp.MustCompile(`title: .*`).ReplaceAllString(get(p), fmt.Sprintf("title: Skill %d", step)))
				what, changed = "skill title "+p, []string{p}
			} else {
				p := "content/roles/role-2.md"
				set(p, regexp.MustCompile(`required: \[.*\]`).ReplaceAllString(get(p), "required: "+[]string{"[k8s]", "[go, k8s]", "[go]"}[rng.IntN(3)]))
				what, changed = "role skills "+p, []string{p}
			}
		case 12:
			// Onboarding items: their text, and links to headings that
			// come and go (an unknown one is an error until restored).
			p := "content/teams/platform.md"
			data := get(p)
			switch rng.IntN(3) {
			case 0:
				set(p, strings.Replace(data, "task: Meet the team", fmt.Sprintf("task: Meet the team %d", step), 1))
				what = "onboarding task " + p
			case 1:
				ids := append(anchors(fsys, corpus.GuidePath(0)), "no-such-heading")
				link := regexp.MustCompile(`page-0\.md#[a-z-]+`)
				set(p, link.ReplaceAllString(data, "page-0.md#"+ids[rng.IntN(len(ids))]))
				what = "onboarding link " + p
			default:
				q := corpus.GuidePath(0)
				old := get(q)
				h := regexp.MustCompile(`(?m)^## .*$`).FindString(old)
				set(q, strings.Replace(old, h, h+" renamed", 1))
				what, changed = "rename onboarding target's heading "+q, []string{q}
				undo = func() string { set(q, old); return q }
			}
			if changed == nil {
				changed = []string{p}
				undo = func() string { set(p, data); return p }
			}
		case 13:
			p := "content/ladders/eng.md"
			set(p, regexp.MustCompile(`Reviews code.*`).ReplaceAllString(get(p), fmt.Sprintf("Reviews code, step %d", step)))
			what, changed = "competency "+p, []string{p}
		case 14:
			p := corpus.GuidePath(1 + rng.IntN(3))
			switch rng.IntN(4) {
			case 0:
				// The owner's title is in the footer of the pages it owns,
				// whose sources do not change.
				p = "content/roles/role-" + []string{"2", "3"}[rng.IntN(2)] + ".md"
				set(p, regexp.MustCompile(`title: .*`).ReplaceAllString(get(p), fmt.Sprintf("title: Owner renamed %d", step)))
				what, changed = "owner's title "+p, []string{p}
			case 1:
				// What a role does in a process shows on its onboarding path.
				p = "content/roles/role-2.md"
				set(p, regexp.MustCompile(`process-1: .*`).ReplaceAllString(get(p), fmt.Sprintf("process-1: Takes part in step %d.", step)))
				what, changed = "duty "+p, []string{p}
			}
			if changed != nil {
				break
			}
			if rng.IntN(2) == 0 {
				date := []string{"2024-01-31", "2025-05-31", "2025-06-01", "2030-01-31"}[rng.IntN(4)]
				set(p, regexp.MustCompile(`review_by: .*`).ReplaceAllString(get(p), "review_by: "+date))
				what = "review_by " + p
			} else {
				data := get(p)
				owner := fmt.Sprintf("owner: role-%d\n", rng.IntN(6))
				if i := strings.Index(data, "owner: "); i >= 0 {
					data = data[:i] + data[i+strings.Index(data[i:], "\n")+1:]
				}
				set(p, strings.Replace(data, "---\n", "---\n"+owner, 1))
				what = "owner " + p
			}
			changed = []string{p}
		case 15:
			p := "content/roles/role-1.md"
			set(p, regexp.MustCompile(`aliases: .*`).ReplaceAllString(get(p), fmt.Sprintf("aliases: [/old/role-%d/]", step)))
			what, changed = "alias "+p, []string{p}
		case 16:
			// Roles in and out of the team, with its onboarding items.
			p := fmt.Sprintf("content/roles/role-%d.md", 3+rng.IntN(3))
			data := get(p)
			if strings.Contains(data, "team: platform\n") {
				set(p, strings.Replace(data, "team: platform\n", "", 1))
			} else {
				set(p, strings.Replace(data, "---\n", "---\nteam: platform\n", 1))
			}
			what, changed = "team "+p, []string{p}
		case 17:
			// A body edit that search must see: a new word.
			p := pick("content/processes/")
			set(p, get(p)+fmt.Sprintf("\nZebra%d crossing.\n", step))
			what, changed = "searchable body "+p, []string{p}
		}
		check(step, what, changed)
	}
	// Most edits keep the site valid; a test that only compared error
	// messages would prove little.
	if built < steps/2 || fast < steps/20 {
		t.Errorf("only %d of %d builds succeeded, %d of them body-only", built, steps+1, fast)
	}
}

// compareSnapshot fails unless snap holds exactly the files under dest.
func compareSnapshot(t *testing.T, what string, snap *generator.Snapshot, dest string) {
	t.Helper()
	want := map[string][]byte{}
	filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dest, p)
		data, _ := os.ReadFile(p)
		want[filepath.ToSlash(rel)] = data
		return nil
	})
	delete(want, ".handbook-build")
	got := map[string][]byte{}
	snap.Each(func(name string, data []byte) { got[name] = data })
	for name, data := range want {
		g, ok := got[name]
		if !ok {
			t.Fatalf("%s: incremental build lacks %s", what, name)
		}
		if !bytes.Equal(g, data) {
			t.Fatalf("%s: %s differs from the full build:\n%s", what, name, firstDifference(g, data))
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Fatalf("%s: incremental build has %s, which the full build does not", what, name)
		}
	}
}

// firstDifference shows the lines around where a and b first differ.
func firstDifference(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-200)
	return fmt.Sprintf("incremental: …%s…\nfull:        …%s…", a[from:min(len(a), i+200)], b[from:min(len(b), i+200)])
}
