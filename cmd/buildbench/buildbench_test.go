package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/teamhandbook/handbook/internal/corpus"
)

func TestMedian(t *testing.T) {
	s := func(wall, cpu time.Duration, peak int64) sample {
		return sample{wall: wall, cpu: cpu, sys: cpu / 2, peak: peak}
	}
	for _, tc := range []struct {
		name    string
		samples []sample
		want    sample
	}{
		{"none", nil, sample{}},
		{"odd, each figure on its own", []sample{s(3, 10, 7), s(1, 30, 8), s(2, 20, 9)}, s(2, 20, 8)},
		{"even: mean of the middle two", []sample{s(4, 1, 1), s(1, 1, 1), s(2, 1, 3), s(8, 1, 3)}, s(3, 1, 2)},
	} {
		if got := (result{samples: tc.samples}).median(); got != tc.want {
			t.Errorf("%s: median = %+v, want %+v", tc.name, got, tc.want)
		}
	}
}

func TestTarget(t *testing.T) {
	for _, tc := range []struct {
		t    target
		want string
	}{
		{target{"wall ≤ 0.5 × Hugo", 0.5, 0.5, "×"}, "✓ wall ≤ 0.5 × Hugo"},
		{target{"wall ≤ 0.5 × Hugo", 0.51, 0.5, "×"}, "✗ wall ≤ 0.5 × Hugo"},
		{target{"seed handbook wall < 100 ms", 62, 100, " ms"}, "✓ seed"},
	} {
		if got := tc.t.String(); !strings.HasPrefix(got, tc.want) {
			t.Errorf("%+v prints %q, want it to start %q", tc.t, got, tc.want)
		}
	}
}

func TestSkipFrontMatter(t *testing.T) {
	for in, want := range map[string]string{
		"---\ntitle: x\n---\n\nbody\n": "\nbody\n",
		"# no front matter\n":          "# no front matter\n",
		"---\nunclosed\n":              "---\nunclosed\n",
	} {
		if got := string(skipFrontMatter([]byte(in))); got != want {
			t.Errorf("skipFrontMatter(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestConvertAll checks that the floor converts every page and highlights
// every fenced code block of a generated handbook.
func TestConvertAll(t *testing.T) {
	dir := t.TempDir()
	const n = 100
	if err := corpus.WriteHandbook(dir, n); err != nil {
		t.Fatal(err)
	}
	blocks, size := 0, 0
	for _, f := range corpus.Handbook(n) {
		blocks += bytes.Count(f.Data, []byte("\n```")) / 2
		size += len(f.Data)
	}
	st, err := convertAll(filepath.Join(dir, "content"))
	if err != nil {
		t.Fatal(err)
	}
	if want := (floorStats{n, size, blocks}); st != want || blocks == 0 {
		t.Errorf("converted %+v, want %+v", st, want)
	}
	var out bytes.Buffer
	if err := runFloor(filepath.Join(dir, "content"), &out); err != nil || !strings.HasPrefix(out.String(), "100 files ") {
		t.Errorf("runFloor printed %q, %v", out.String(), err)
	}
}

func TestRenderHighlights(t *testing.T) {
	dir := t.TempDir()
	src := "---\ntitle: x\n---\n\n```go\nfunc f() {}\n```\n\n```nosuchlanguage\n<b>\n```\n"
	if err := os.WriteFile(filepath.Join(dir, "x.md"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	st, err := convertAll(dir)
	if err != nil || st.blocks != 1 || st.files != 1 {
		t.Errorf("convertAll = %+v, %v; want one file and one highlighted block (the unknown language is not)", st, err)
	}
}
