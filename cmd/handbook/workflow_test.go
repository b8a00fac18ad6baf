package main

import (
	"os"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// workflow is the part of .github/workflows/handbook.yml these tests read.
type workflow struct {
	Jobs map[string]struct {
		Steps []struct {
			Name string            `yaml:"name"`
			Run  string            `yaml:"run"`
			Env  map[string]string `yaml:"env"`
		} `yaml:"steps"`
	} `yaml:"jobs"`
}

// TestWorkflow checks the ready-to-copy workflow: GitHub expressions never
// spliced into a shell script (a branch name is data, not code), main built
// without --strict (a review date passing must not break main), and README
// quoting each handbook command exactly as the workflow runs it.
func TestWorkflow(t *testing.T) {
	data, err := os.ReadFile("../../.github/workflows/handbook.yml")
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var wf workflow
	if err := yaml.Unmarshal(data, &wf); err != nil {
		t.Fatal(err)
	}
	var commands []string
	for job, j := range wf.Jobs {
		for _, s := range j.Steps {
			if strings.Contains(s.Run, "${{") {
				t.Errorf("job %s, step %q: run interpolates a GitHub expression into the script; pass it through env:\n%s", job, s.Name, s.Run)
			}
			if strings.HasPrefix(s.Run, "handbook ") {
				commands = append(commands, strings.TrimSpace(s.Run))
			}
		}
	}
	want := map[string]bool{
		`handbook diff --base "$BASE" >> "$GITHUB_STEP_SUMMARY"`: true,
		`handbook check --strict --format github --base "$BASE"`: true,
		`handbook build`: true,
	}
	if len(commands) != len(want) {
		t.Errorf("workflow runs %q; want %d handbook commands", commands, len(want))
	}
	for _, c := range commands {
		if !want[c] {
			t.Errorf("workflow runs %q; want one of the reviewed commands", c)
		}
		if !strings.Contains(string(readme), "`"+c+"`") {
			t.Errorf("README does not quote the workflow's command `%s`", c)
		}
	}
}
