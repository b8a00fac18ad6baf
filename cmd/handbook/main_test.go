package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestExitCodes(t *testing.T) {
	site := t.TempDir()
	os.MkdirAll(filepath.Join(site, "content"), 0o755)
	os.WriteFile(filepath.Join(site, "content", "a.md"), []byte("# A\n\n[x](missing.md)\n"), 0o644)
	tests := []struct {
		args []string
		want int
	}{
		{nil, 2},
		{[]string{"help"}, 0},
		{[]string{"version"}, 0},
		{[]string{"nope"}, 2},
		{[]string{"build", "--nope"}, 2},
		{[]string{"build", "--source", site}, 1},
		{[]string{"build", "--source", filepath.Join(site, "absent")}, 1},
	}
	for _, tt := range tests {
		if got := run(context.Background(), tt.args, io.Discard, io.Discard); got != tt.want {
			t.Errorf("run(%q) = %d; want %d", tt.args, got, tt.want)
		}
	}
}
