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
