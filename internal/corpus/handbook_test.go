package corpus_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/teamhandbook/handbook"
	"github.com/teamhandbook/handbook/generator"
	"github.com/teamhandbook/handbook/internal/corpus"
)

// TestHandbookBuildsStrict builds a generated handbook with warnings as
// errors: the benchmark must measure a clean build, not error reporting.
func TestHandbookBuildsStrict(t *testing.T) {
	for _, n := range []int{corpus.MinPages, 200} {
		dest := filepath.Join(t.TempDir(), "public")
		rep, err := generator.Build(context.Background(), generator.Config{
			Site: corpus.Handbook(n), Templates: handbook.Templates(), Assets: handbook.Assets(), Dest: dest, Strict: true,
		})
		if err != nil {
			t.Fatalf("%d pages: %v\n%s", n, err, rep.Diagnostics)
		}
		if len(rep.Diagnostics) > 0 {
			t.Errorf("%d pages: diagnostics:\n%s", n, rep.Diagnostics)
		}
	}
}

// TestHandbookShape checks what the benchmark relies on: the same n gives
// the same bytes, n pages are n files of about 4.8 KB, a third of sections
// hold a code block, in many languages, and the kinds of page are there.
func TestHandbookShape(t *testing.T) {
	const n = 1000
	a, b := corpus.Handbook(n), corpus.Handbook(n)
	if len(a) != n {
		t.Errorf("%d files, want %d", len(a), n)
	}
	var size, sections, blocks int
	langs := map[string]bool{}
	dirs := map[string]int{}
	for name, f := range a {
		if g, ok := b[name]; !ok || !bytes.Equal(f.Data, g.Data) {
			t.Fatalf("%s differs between two generations of %d pages", name, n)
		}
		size += len(f.Data)
		dirs[strings.SplitN(strings.TrimPrefix(name, "content/"), "/", 2)[0]]++
		for line := range strings.Lines(string(f.Data)) {
			switch {
			case strings.HasPrefix(line, "## "):
				sections++
			case strings.HasPrefix(line, "```") && len(line) > 4:
				blocks++
				langs[strings.TrimSpace(line[3:])] = true
			}
		}
	}
	if avg := size / n; avg < 4500 || avg > 5100 {
		t.Errorf("%d bytes a page on average, want about 4,800", avg)
	}
	if frac := float64(blocks) / float64(sections); frac < 0.3 || frac > 0.37 {
		t.Errorf("%d code blocks in %d sections (%.2f), want about a third", blocks, sections, frac)
	}
	if len(langs) < 8 {
		t.Errorf("code blocks in %d languages (%v), want at least 8", len(langs), langs)
	}
	for _, d := range []string{"roles", "processes", "teams", "ladders", "skills", "guides"} {
		if dirs[d] < 2 {
			t.Errorf("content/%s has %d pages", d, dirs[d])
		}
	}
	if dirs["roles"] != n/10+1 { // and the landing page
		t.Errorf("%d pages in content/roles, want %d", dirs["roles"], n/10+1)
	}
}

// TestHugoBuildsHandbook builds the generated handbook with Hugo, which
// `make bench` compares against, when hugo is installed.
func TestHugoBuildsHandbook(t *testing.T) {
	hugo, err := exec.LookPath("hugo")
	if err != nil {
		t.Skip("hugo is not installed")
	}
	dir := t.TempDir()
	if err := corpus.WriteHandbook(dir, 200); err != nil {
		t.Fatal(err)
	}
	if err := corpus.WriteHugoSite(dir); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "public")
	out, err := exec.Command(hugo, "--source", dir, "--destination", dest, "--cacheDir", t.TempDir(), "--quiet").CombinedOutput()
	if err != nil {
		t.Fatalf("hugo: %v\n%s", err, out)
	}
	page, err := os.ReadFile(filepath.Join(dest, "roles", "role-7", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if want := `Reports to</dt><dd><a href="/roles/role-1/"`; !strings.Contains(string(page), want) {
		t.Errorf("roles/role-7/index.html lacks %q", want)
	}
}
