package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/teamhandbook/handbook"
	"github.com/teamhandbook/handbook/generator"
)

// TestEveryScaffoldBuildsClean writes one page of each kind into a small
// site and builds it strictly: a new page must never be the first problem
// a writer has to fix.
func TestEveryScaffoldBuildsClean(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("content/roles/lead.md", "---\ntitle: Team Lead\n---\n")
	write("content/teams/core.md", "---\ntitle: Core\nlead: lead\n---\n")
	commands := [][]string{
		{"new", "role", "Platform Engineer", "--source", dir, "--reports-to", "lead", "--team", "core", "--owner", "lead"},
		{"new", "--source", dir, "role", "--reports-to", "lead,platform-engineer", "Junior Engineer"},
		{"new", "process", "Release Train", "--source", dir, "--owner", "lead"},
		{"new", "ladder", "Platform Ladder", "--source", dir},
		{"new", "team", "Platform", "--source", dir, "--lead", "lead", "--parent", "core"},
		{"new", "page", "Working Agreements", "--source", dir, "--owner", "platform-engineer"},
	}
	for _, args := range commands {
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), args, &stdout, &stderr); code != 0 {
			t.Fatalf("handbook %v: exit %d\n%s", args, code, stderr.String())
		}
	}
	for _, f := range []string{"roles/platform-engineer.md", "roles/junior-engineer.md", "processes/release-train.md", "ladders/platform-ladder.md", "teams/platform.md", "working-agreements.md"} {
		if _, err := os.Stat(filepath.Join(dir, "content", f)); err != nil {
			t.Errorf("not written: %v", err)
		}
	}
	rep, err := generator.Build(context.Background(), generator.Config{
		Site: os.DirFS(dir), Templates: handbook.Templates(), Assets: handbook.Assets(),
		Dest: filepath.Join(t.TempDir(), "public"), Strict: true,
	})
	if err != nil || len(rep.Diagnostics) > 0 {
		t.Errorf("build: %v\n%s", err, rep.Diagnostics)
	}
}
