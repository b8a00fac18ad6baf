package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/teamhandbook/handbook/internal/corpus"
)

func TestRun(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	if err := run([]string{"-pages", "50", "-out", out, "-hugo"}, io.Discard); err != nil {
		t.Fatal(err)
	}
	for name, f := range corpus.Handbook(50) {
		got, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
		if err != nil || string(got) != string(f.Data) {
			t.Errorf("%s: not written as generated (%v)", name, err)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "hugo.toml")); err != nil {
		t.Errorf("-hugo wrote no hugo.toml: %v", err)
	}
	// A second run would leave the first one's extra pages behind.
	if err := run([]string{"-pages", "50", "-out", out}, io.Discard); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Errorf("writing into a full folder: %v, want an error", err)
	}
	if err := run([]string{"-pages", "5", "-out", t.TempDir()}, io.Discard); err == nil {
		t.Error("-pages 5: no error")
	}
}
