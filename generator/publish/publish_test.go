package publish

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestCommitReplacesPreviousBuild(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	for _, body := range []string{"first", "second"} {
		s, err := Begin(dest)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.WriteFile("a/index.html", []byte(body)); err != nil {
			t.Fatal(err)
		}
		if err := s.Commit(); err != nil {
			t.Fatal(err)
		}
		if got := read(t, filepath.Join(dest, "a/index.html")); got != body {
			t.Errorf("after commit: got %q; want %q", got, body)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(dest))
	if len(entries) != 1 {
		t.Errorf("left beside dest: %d entries; want only public", len(entries))
	}
}

func TestAbortLeavesPreviousBuild(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	write(t, filepath.Join(dest, Marker), "")
	write(t, filepath.Join(dest, "index.html"), "old")
	s, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	s.WriteFile("index.html", []byte("new"))
	if err := s.Abort(); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(dest, "index.html")); got != "old" {
		t.Errorf("after abort: got %q; want %q", got, "old")
	}
}

func TestBeginRefusesForeignFolder(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "notes.txt"), "mine")
	_, err := Begin(dir)
	if err == nil || !strings.Contains(err.Error(), "refusing to replace") {
		t.Fatalf("Begin(non-empty folder) error = %v; want a refusal", err)
	}
	if got := read(t, filepath.Join(dir, "notes.txt")); got != "mine" {
		t.Errorf("foreign file changed: %q", got)
	}
	file := filepath.Join(dir, "notes.txt")
	if _, err := Begin(file); err == nil || !strings.Contains(err.Error(), "is a file") {
		t.Errorf("Begin(file) error = %v; want it to say it is a file", err)
	}
}

func TestWriteFileRejectsEscapingPaths(t *testing.T) {
	s, err := Begin(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	for _, name := range []string{"../x", "/etc/passwd", "a/../../x", ""} {
		if err := s.WriteFile(name, nil); err == nil {
			t.Errorf("WriteFile(%q) succeeded; want an error", name)
		}
	}
}

// TestRebuildReusesUnchangedFiles checks that a file whose bytes the
// previous build wrote is linked from it, that a changed one is written
// anew, and that neither touches the previous site before Commit.
func TestRebuildReusesUnchangedFiles(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	first, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string]string{"same/index.html": "same", "changed/index.html": "old", "grown.txt": "ab"} {
		if err := first.WriteFile(name, []byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := first.Commit(); err != nil {
		t.Fatal(err)
	}

	s, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string]string{"same/index.html": "same", "changed/index.html": "new", "grown.txt": "abc"} {
		if err := s.WriteFile(name, []byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	// Written twice in one build: replaced, not truncated in place,
	// which would change the previous site's file it is linked to.
	if err := s.WriteFile("same/index.html", []byte("twice")); err != nil {
		t.Fatal(err)
	}
	if err := s.WriteFile("same/index.html", []byte("same")); err != nil {
		t.Fatal(err)
	}
	sameFile := func(name string) bool {
		a, err1 := os.Stat(filepath.Join(dest, name))
		b, err2 := os.Stat(filepath.Join(s.tmp, name))
		return err1 == nil && err2 == nil && os.SameFile(a, b)
	}
	if !sameFile("same/index.html") {
		t.Errorf("same/index.html was written again; want it linked from the previous build")
	}
	if sameFile("changed/index.html") || sameFile("grown.txt") {
		t.Errorf("a changed file was linked from the previous build")
	}
	for name, want := range map[string]string{"same/index.html": "same", "changed/index.html": "old", "grown.txt": "ab"} {
		if got := read(t, filepath.Join(dest, name)); got != want {
			t.Errorf("previous site's %s = %q before Commit; want %q", name, got, want)
		}
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"same/index.html": "same", "changed/index.html": "new", "grown.txt": "abc"} {
		if got := read(t, filepath.Join(dest, name)); got != want {
			t.Errorf("after commit %s = %q; want %q", name, got, want)
		}
	}
}
