package search_test

import (
	"bufio"
	"context"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/teamhandbook/handbook"
	"github.com/teamhandbook/handbook/generator"
	"github.com/teamhandbook/handbook/generator/search"
	"github.com/teamhandbook/handbook/internal/corpus"
)

var seed struct {
	once sync.Once
	idx  *search.Index
	err  error
}

// seedIndex builds the repository's handbook and loads its search index
// back from the written files: what the client downloads.
func seedIndex(t *testing.T) *search.Index {
	t.Helper()
	seed.once.Do(func() {
		dest := filepath.Join(os.TempDir(), "handbook-search-seed-test")
		defer os.RemoveAll(dest)
		cfg := generator.Config{Site: os.DirFS("../.."), Templates: handbook.Templates(), Assets: handbook.Assets(), Dest: dest}
		if _, seed.err = generator.Build(context.Background(), cfg); seed.err == nil {
			seed.idx, seed.err = search.Load(os.DirFS(dest))
		}
	})
	if seed.err != nil {
		t.Fatal(seed.err)
	}
	return seed.idx
}

// rankOf returns the 1-based rank of url in the results of q, or 0.
func rankOf(idx *search.Index, q, url string) int {
	url, _, _ = strings.Cut(url, "#")
	for i, r := range idx.Search(q, search.Options{Limit: 10}).Results {
		if r.URL == url {
			return i + 1
		}
	}
	return 0
}

type query = corpus.Query

func readQueries(t *testing.T, name string) []query {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var qs []query
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			t.Fatalf("%s: bad line %q", name, line)
		}
		qs = append(qs, query{Class: f[0], Q: f[1], Want: f[2]})
	}
	return qs
}

// TestRelevance scores the query set over the seed handbook and over a
// generated one: MRR@10 per class and overall, and how many one-typo
// queries find nothing.
func TestRelevance(t *testing.T) {
	seedQs := readQueries(t, "testdata/seed-queries.txt")
	genIdx, genQs := generated(t, 500)
	sum, n := map[string]float64{}, map[string]int{}
	zero := 0
	score := func(set string, idx *search.Index, qs []query) {
		for _, q := range qs {
			rr := 0.0
			r := rankOf(idx, q.Q, q.Want)
			if r > 0 {
				rr = 1 / float64(r)
			} else {
				t.Logf("%s %s %q: %s not in the top 10", set, q.Class, q.Q, q.Want)
			}
			if q.Class == "typo" && len(idx.Search(q.Q, search.Options{}).Results) == 0 {
				zero++
			}
			for _, k := range []string{q.Class, set + " " + q.Class, "all", set + " all"} {
				sum[k] += rr
				n[k]++
			}
		}
	}
	score("seed", seedIndex(t), seedQs)
	score("generated", genIdx, genQs)
	for _, c := range slices.Sorted(maps.Keys(n)) {
		t.Logf("MRR@10 %-20s %.3f (%d queries)", c, sum[c]/float64(n[c]), n[c])
	}
	if mrr := sum["all"] / float64(n["all"]); mrr < 0.85 {
		t.Errorf("MRR@10 overall = %.3f; want at least 0.85", mrr)
	}
	if mrr := sum["typo"] / float64(n["typo"]); mrr < 0.85 {
		t.Errorf("MRR@10 one-typo = %.3f; want at least 0.85", mrr)
	}
	if rate := float64(zero) / float64(n["typo"]); rate > 0.01 {
		t.Errorf("%d of %d one-typo queries found nothing; want at most 1%%", zero, n["typo"])
	}
}

// generated builds a generated handbook of n pages and returns its index
// with queries for every tenth role, process and guide page: by title, by
// title with one transposition, and as typed ("45 proc").
func generated(t *testing.T, n int) (*search.Index, []query) {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	cfg := generator.Config{Site: corpus.Large(n), Templates: handbook.Templates(), Assets: handbook.Assets(), Dest: dest}
	if rep, err := generator.Build(context.Background(), cfg); err != nil {
		t.Fatalf("%v\n%s", err, rep.Diagnostics)
	}
	idx, err := search.Load(os.DirFS(dest))
	if err != nil {
		t.Fatal(err)
	}
	return idx, corpus.Queries(idx.Pages, func(p search.PageMeta) (string, string) { return p.URL, p.Title })
}

// misspell swaps two letters in the middle of the longest word of s: one
// edit, as a transposition.
func misspell(s string) string {
	ws := strings.Fields(s)
	long := 0
	for i, w := range ws {
		if len(w) > len(ws[long]) {
			long = i
		}
	}
	w := []byte(ws[long])
	for m := len(w) / 2; m+1 < len(w); m++ {
		if isLetter(w[m]) && isLetter(w[m+1]) && w[m] != w[m+1] {
			w[m], w[m+1] = w[m+1], w[m]
			break
		}
	}
	ws[long] = string(w)
	return strings.Join(ws, " ")
}

// prefix cuts the last word of s to its first half, at least three letters.
func prefix(s string) string {
	ws := strings.Fields(s)
	last := ws[len(ws)-1]
	ws[len(ws)-1] = last[:min(len(last), max(3, (len(last)+1)/2))]
	return strings.Join(ws, " ")
}

// TestSeedFindsEveryRoleProcessAndSkill: each role and process by its
// name, misspelt name and prefix, and each skill a role lists.
func TestSeedFindsEveryRoleProcessAndSkill(t *testing.T) {
	idx := seedIndex(t)
	checked := 0
	for _, p := range idx.Pages {
		if p.Kind != "role" && p.Kind != "process" {
			continue
		}
		for _, q := range []string{p.Title, misspell(p.Title), prefix(p.Title)} {
			checked++
			if r := rankOf(idx, q, p.URL); r < 1 || r > 3 {
				t.Errorf("%q: %s at rank %d; want it in the top 3", q, p.URL, r)
			}
		}
		for _, rec := range p.Recs {
			if rec.ID != "hb-skills" {
				continue
			}
			for _, skill := range strings.Split(rec.Text, ". ") {
				if _, list, ok := strings.Cut(skill, ": "); ok {
					skill = list
				}
				for _, name := range strings.Split(skill, ", ") {
					name = strings.TrimSuffix(strings.TrimPrefix(name, "or "), ".")
					qs := []string{name, prefix(name)}
					if len(name) >= 5 {
						qs = append(qs, misspell(name))
					}
					for _, q := range qs {
						checked++
						if rankOf(idx, q, p.URL) == 0 && !findsSkillsPage(idx, q) {
							t.Errorf("skill %q of %s: query %q finds neither the role nor the skills page", name, p.URL, q)
						}
					}
				}
			}
		}
	}
	if checked < 60 {
		t.Fatalf("only %d queries checked: did the seed handbook lose its roles or skills?", checked)
	}
}

// findsSkillsPage reports whether q finds a page about skills: the
// skills overview, the skills matrix or a skill's own page.
func findsSkillsPage(idx *search.Index, q string) bool {
	for _, r := range idx.Search(q, search.Options{Limit: 10}).Results {
		if r.URL == "/skills-and-competencies/" || r.URL == "/skills-matrix/" || strings.HasPrefix(r.URL, "/skills/") {
			return true
		}
	}
	return false
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// TestRolePageAboveItsOnboardingPath: a search for a role's name puts the
// role's page first, its onboarding path after it.
func TestRolePageAboveItsOnboardingPath(t *testing.T) {
	idx := seedIndex(t)
	paths := 0
	for _, p := range idx.Pages {
		if p.Kind != "onboarding" {
			continue
		}
		paths++
		role := "/roles/" + strings.TrimPrefix(p.URL, "/onboarding/")
		title := strings.TrimPrefix(p.Title, "Onboarding: ")
		if r, o := rankOf(idx, title, role), rankOf(idx, title, p.URL); r != 1 || o != 0 && o < r {
			t.Errorf("%q: role page at %d, onboarding path at %d; want the role first", title, r, o)
		}
	}
	if paths == 0 {
		t.Fatal("no onboarding paths indexed")
	}
}
