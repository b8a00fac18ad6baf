package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
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

// TestNewQuotesFlagValues: a flag's value is one YAML value, whatever it
// holds. Unquoted, "lead\ndraft: true" added a key and hid the page.
func TestNewQuotesFlagValues(t *testing.T) {
	tests := []struct {
		args []string
		want string // the line written for the flag
	}{
		{[]string{"--owner", "lead"}, "owner: lead\n"},
		{[]string{"--owner", "lead\ndraft: true"}, "owner: \"lead\\ndraft: true\"\n"},
		{[]string{"--owner", "lead # comment"}, "owner: \"lead # comment\"\n"},
		{[]string{"--owner", "a: b"}, "owner: \"a: b\"\n"},
		{[]string{"--owner", "[x]"}, "owner: \"[x]\"\n"},
		{[]string{"--owner", "true"}, "owner: \"true\"\n"},
		{[]string{"--reports-to", "lead, x:y"}, "reports_to: [lead, \"x:y\"]\n"},
	}
	for _, tt := range tests {
		kind := "page"
		if tt.args[0] == "--reports-to" {
			kind = "role"
		}
		data := string(scaffold(kind, "X", refsFrom(tt.args)))
		if !strings.Contains(data, "\n"+tt.want) {
			t.Errorf("new %s %q wrote:\n%s\nwant the line %q", kind, tt.args, data, tt.want)
		}
	}

	// Through the command: the value is checked as one id, and rejected.
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "content", "roles"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "roles", "lead.md"), []byte("---\ntitle: Lead\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"new", "page", "Hidden", "--source", dir, "--owner", "lead\ndraft: true"}, &stdout, &stderr)
	want := "content/hidden.md:7:8: error: owner \"lead\\ndraft: true\" is not a role\nhandbook: content/hidden.md was not written\n"
	if code != 1 || stderr.String() != want {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 1 and:\n%s", code, stderr.String(), want)
	}
}

func refsFrom(args []string) refs {
	var r refs
	switch args[0] {
	case "--owner":
		r.owner = args[1]
	case "--reports-to":
		r.reportsTo = args[1]
	}
	return r
}

// TestNewRefusesAFolderThatIsNotASite: without content/, new used to start
// a new site quietly, most likely in the wrong folder.
func TestNewRefusesAFolderThatIsNotASite(t *testing.T) {
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"new", "role", "Lead", "--source", dir}, &stdout, &stderr)
	want := "handbook: " + dir + " is not a handbook: it has no content folder; run new in the site's folder or name it with --source\n"
	if code != 2 || stderr.String() != want {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 2 and:\n%s", code, stderr.String(), want)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("new wrote into a folder that is not a site: %v", entries)
	}
}
