package watch

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func TestRelevant(t *testing.T) {
	tests := []struct {
		path string
		want bool
	}{
		{"content/roles/x.md", true},
		{"content/new-folder", true},
		{"content", true},
		{"templates/page.html", true},
		{"assets/style.css", true},
		{"handbook.yaml", true},
		{"public/index.html", false},
		{"README.md", false},
		{"content/roles/.x.md.swp", false},
		{"content/roles/x.md~", false},
		{"content/roles/4913", false},
		{"content/.git/HEAD", false},
		{"content/roles/.#x.md", false},
	}
	for _, tt := range tests {
		if got := Relevant(tt.path); got != tt.want {
			t.Errorf("Relevant(%q) = %v; want %v", tt.path, got, tt.want)
		}
	}
}

func TestBatchJoinsABurst(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	in := make(chan string)
	out := make(chan []string, 4)
	go Batch(ctx, in, out, 40*time.Millisecond, time.Second)
	// An editor's save: temporary file, rename over the page, twice the same path.
	for _, p := range []string{"content/a.md", "content/b.md", "content/a.md"} {
		in <- p
		time.Sleep(5 * time.Millisecond)
	}
	got := <-out
	if want := []string{"content/a.md", "content/b.md"}; !slices.Equal(got, want) {
		t.Errorf("batch = %q; want %q", got, want)
	}
	select {
	case extra := <-out:
		t.Errorf("a second batch %q for one burst", extra)
	case <-time.After(100 * time.Millisecond):
	}
	// After a quiet time, a new burst is a new batch.
	in <- "content/c.md"
	if got := <-out; !slices.Equal(got, []string{"content/c.md"}) {
		t.Errorf("second batch = %q", got)
	}
}

func TestBatchEndsAtLimit(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	in := make(chan string)
	out := make(chan []string, 4)
	go Batch(ctx, in, out, 50*time.Millisecond, 120*time.Millisecond)
	start := time.Now()
	stop := time.After(400 * time.Millisecond)
	var first []string
loop:
	for {
		select {
		case in <- "content/busy.md": // never quiet
			time.Sleep(10 * time.Millisecond)
		case first = <-out:
			break loop
		case <-stop:
			t.Fatal("no batch while events kept coming")
		}
	}
	if d := time.Since(start); d > 300*time.Millisecond {
		t.Errorf("first batch after %v; want it at the 120ms limit", d)
	}
	if !slices.Equal(first, []string{"content/busy.md"}) {
		t.Errorf("batch = %q", first)
	}
}

// TestWatcher edits a site the ways editors and tools do and expects each
// edit to arrive as one batch naming what changed.
func TestWatcher(t *testing.T) {
	for _, mode := range []struct {
		name string
		opts Options
	}{
		{"events", Options{Quiet: 60 * time.Millisecond}},
		{"poll", Options{Poll: 20 * time.Millisecond, Quiet: 60 * time.Millisecond}},
	} {
		t.Run(mode.name, func(t *testing.T) {
			root := t.TempDir()
			write(t, filepath.Join(root, "content/roles/a.md"), "a")
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			w, err := New(ctx, root, mode.opts)
			if err != nil {
				t.Fatal(err)
			}
			expect := func(what string, want ...string) {
				t.Helper()
				select {
				case got := <-w.Batches:
					for _, p := range want {
						if !slices.Contains(got, p) {
							t.Errorf("%s: batch %q lacks %s", what, got, p)
						}
					}
					for _, p := range got {
						if !Relevant(p) {
							t.Errorf("%s: batch %q has %s, which cannot change the site", what, got, p)
						}
					}
				case <-time.After(3 * time.Second):
					t.Fatalf("%s: no batch", what)
				}
			}
			// Plain write.
			write(t, filepath.Join(root, "content/roles/a.md"), "a2")
			expect("write", "content/roles/a.md")
			// Temporary file renamed over the page, with a swap file.
			write(t, filepath.Join(root, "content/roles/.a.md.swp"), "swap")
			write(t, filepath.Join(root, "content/roles/a.md.tmp~"), "a3")
			if err := os.Rename(filepath.Join(root, "content/roles/a.md.tmp~"), filepath.Join(root, "content/roles/a.md")); err != nil {
				t.Fatal(err)
			}
			expect("rename", "content/roles/a.md")
			// A folder created later, with a page in it, then a page written in it.
			write(t, filepath.Join(root, "content/teams/x.md"), "x")
			expect("new folder", "content/teams")
			write(t, filepath.Join(root, "content/teams/y.md"), "y")
			expect("file in new folder", "content/teams/y.md")
			// Removal, and the configuration.
			os.Remove(filepath.Join(root, "content/roles/a.md"))
			expect("remove", "content/roles/a.md")
			write(t, filepath.Join(root, "handbook.yaml"), "title: T\n")
			expect("config", "handbook.yaml")
		})
	}
}

func write(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
