package markdown

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the testdata/*.golden files")

// testRewrite stands in for the link package: it turns a relative link to a
// .md file into a page URL and leaves every other destination alone.
func testRewrite(dest string) string {
	path, frag, hasFrag := strings.Cut(dest, "#")
	if !strings.HasSuffix(path, ".md") || strings.Contains(path, ":") {
		return dest
	}
	path = strings.TrimSuffix(path, ".md")
	path = strings.TrimPrefix(path, "/content/")
	for strings.HasPrefix(path, "../") {
		path = path[len("../"):]
	}
	out := "/" + strings.TrimPrefix(path, "/") + "/"
	if hasFrag {
		out += "#" + frag
	}
	return out
}

// TestGolden renders every testdata/*.md with testRewrite and compares the
// HTML with testdata/*.golden. Files named *_unsafe.md are rendered with
// UnsafeHTML. Run with -update to rewrite the golden files after checking
// the difference.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.md")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no testdata/*.md")
	}
	safe, unsafe := New(Options{}), New(Options{UnsafeHTML: true})
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".md")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			r := safe
			if strings.HasSuffix(name, "_unsafe") {
				r = unsafe
			}
			var got bytes.Buffer
			if err := r.Render(&got, r.Parse(src), testRewrite); err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(file, ".md") + ".golden"
			if *update {
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got.String() != string(want) {
				t.Errorf("%s differs from %s:\n--- got\n%s\n--- want\n%s", file, golden, got.String(), want)
			}
		})
	}
}

func render(t *testing.T, r *Renderer, src string, rewrite func(string) string) string {
	t.Helper()
	var b strings.Builder
	if err := r.Render(&b, r.Parse([]byte(src)), rewrite); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestUnsafeHTML(t *testing.T) {
	tests := []struct {
		src    string
		unsafe bool
		want   string
	}{
		{"<div>block</div>\n", false, "<!-- raw HTML omitted -->\n"},
		{"<div>block</div>\n", true, "<div>block</div>\n"},
		{"a <b>bold</b> c\n", false, "<p>a <!-- raw HTML omitted -->bold<!-- raw HTML omitted --> c</p>\n"},
		{"a <b>bold</b> c\n", true, "<p>a <b>bold</b> c</p>\n"},
		// Dangerous schemes are dropped from Markdown links in both modes.
		{"[x](javascript:alert(1))\n", false, "<p><a href=\"\">x</a></p>\n"},
		{"[x](javascript:alert(1))\n", true, "<p><a href=\"\">x</a></p>\n"},
		{"[x](JAVASCRIPT:alert(1))\n", false, "<p><a href=\"\">x</a></p>\n"},
		{"[x](javascript&#58;alert(1))\n", false, "<p><a href=\"\">x</a></p>\n"},
		{"[x](vbscript:x)\n", true, "<p><a href=\"\">x</a></p>\n"},
		{"![x](data:image/png;base64,AAAA)\n", false, "<p><img src=\"data:image/png;base64,AAAA\" alt=\"x\"></p>\n"},
	}
	for _, tt := range tests {
		got := render(t, New(Options{UnsafeHTML: tt.unsafe}), tt.src, nil)
		if got != tt.want {
			t.Errorf("unsafe=%v %q: got %q; want %q", tt.unsafe, tt.src, got, tt.want)
		}
	}
}

func TestRenderLeavesOutTitle(t *testing.T) {
	tests := []struct {
		src, want string
	}{
		{"# Title\n\nBody.\n", "<p>Body.</p>\n"},
		{"Title\n=====\n\nBody.\n", "<p>Body.</p>\n"},
		// Not the first block: rendered, with its id but no self-link.
		{"Body.\n\n# Late\n", "<p>Body.</p>\n<h1 id=\"late\">Late</h1>\n"},
		// An empty H1 is no title.
		{"#\n\nBody.\n", "<h1 id=\"heading\"></h1>\n<p>Body.</p>\n"},
		// Only the leading H1 goes.
		{"# One\n# Two\n", "<h1 id=\"two\">Two</h1>\n"},
		{"## Sub\n", "<h2 id=\"sub\">Sub <a class=\"anchor\" href=\"#sub\" aria-label=\"Link to this section\">#</a></h2>\n"},
	}
	r := New(Options{})
	for _, tt := range tests {
		if got := render(t, r, tt.src, nil); got != tt.want {
			t.Errorf("%q: got %q; want %q", tt.src, got, tt.want)
		}
	}
}

// TestConcurrentRender renders different documents with different rewrite
// functions from 50 goroutines at once, through one Renderer, and checks that
// each output is exactly what rendering alone produces. Run it with -race.
func TestConcurrentRender(t *testing.T) {
	r := New(Options{})
	const n = 50
	docs := make([]*Doc, n)
	rewrites := make([]func(string) string, n)
	want := make([]string, n)
	for i := range n {
		src := fmt.Sprintf("# Page %d\n\n## Part %d\n\nSee [next](p%d.md#part) and ![pic](p%d.png).\n\n```go\nvar x = %d\n```\n", i, i, i+1, i, i)
		docs[i] = r.Parse([]byte(src))
		rewrites[i] = func(dest string) string { return fmt.Sprintf("/r%d/%s", i, dest) }
		var b strings.Builder
		if err := r.Render(&b, docs[i], rewrites[i]); err != nil {
			t.Fatal(err)
		}
		want[i] = b.String()
	}

	var wg sync.WaitGroup
	got := make([]string, n)
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() {
			// Parse too: parsing and rendering run side by side in a build.
			_ = r.Parse([]byte(fmt.Sprintf("## Other %d [x](y.md)\n", i)))
			var b strings.Builder
			errs[i] = r.Render(&b, docs[i], rewrites[i])
			got[i] = b.String()
		})
	}
	wg.Wait()
	for i := range n {
		if errs[i] != nil {
			t.Errorf("doc %d: %v", i, errs[i])
		}
		if got[i] != want[i] {
			t.Errorf("doc %d: got %q; want %q", i, got[i], want[i])
		}
		if !strings.Contains(got[i], fmt.Sprintf(`href="/r%d/p%d.md#part"`, i, i+1)) {
			t.Errorf("doc %d: rewrite not applied: %q", i, got[i])
		}
	}
}

// TestSameDocConcurrently renders one Doc, with every kind of node, from
// many goroutines: rendering must not change the Doc. goldmark's table
// renderer (with its default alignment) and FencedCodeBlock.Language both
// write to the tree; this test catches such writes under -race.
func TestSameDocConcurrently(t *testing.T) {
	r := New(Options{})
	const src = "# T\n\n## A\n\n[x](x.md) ![i](i.png) https://example.com ~~old~~ note[^1]\n\n" +
		"- [x] done\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n```yaml\na: 1\n```\n\n    indented\n\n[^1]: Footnote [f](f.md).\n"
	d := r.Parse([]byte(src))
	want := render(t, r, src, nil)
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			var b strings.Builder
			if err := r.Render(&b, d, nil); err != nil {
				t.Error(err)
			}
			if b.String() != want {
				t.Errorf("got %q; want %q", b.String(), want)
			}
			_ = d.Text()
		})
	}
	wg.Wait()
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, fmt.Errorf("disk full") }

func TestRenderReportsWriteError(t *testing.T) {
	r := New(Options{})
	err := r.Render(failWriter{}, r.Parse([]byte("Hello.\n")), nil)
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("got %v; want the writer's error", err)
	}
}

func BenchmarkParseRender(b *testing.B) {
	src, err := os.ReadFile("testdata/headings.md")
	if err != nil {
		b.Fatal(err)
	}
	more, _ := os.ReadFile("testdata/code.md")
	src = append(src, more...)
	r := New(Options{})
	b.ReportAllocs()
	for b.Loop() {
		d := r.Parse(src)
		if err := r.Render(&bytes.Buffer{}, d, testRewrite); err != nil {
			b.Fatal(err)
		}
	}
}

// Render writes straight into a *bytes.Buffer, through a pooled bufio.Writer
// into anything else, and RenderString through a pooled buffer: all three
// must give the same bytes, call after call.
func TestRenderIsTheSameWhateverTheWriter(t *testing.T) {
	src, err := os.ReadFile("testdata/code.md")
	if err != nil {
		t.Fatal(err)
	}
	r := New(Options{})
	d := r.Parse(src)
	var want bytes.Buffer
	if err := r.Render(&want, d, testRewrite); err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		var sb strings.Builder
		if err := r.Render(&sb, d, testRewrite); err != nil {
			t.Fatal(err)
		}
		s, err := r.RenderString(d, testRewrite)
		if err != nil {
			t.Fatal(err)
		}
		if sb.String() != want.String() || s != want.String() {
			t.Errorf("call %d: a strings.Builder got %d bytes, RenderString %d; want the %d of a bytes.Buffer", i, sb.Len(), len(s), want.Len())
		}
	}
}
