package orgdiff_test

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/teamhandbook/handbook"
	"github.com/teamhandbook/handbook/generator"
	"github.com/teamhandbook/handbook/generator/org"
	"github.com/teamhandbook/handbook/generator/orgdiff"
)

func graph(t *testing.T, archive string) *org.Graph {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, f := range txtar.Parse([]byte(archive)).Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	g, _, err := generator.Organisation(context.Background(), generator.Config{Site: fsys, Templates: handbook.Templates(), Assets: handbook.Assets()})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// before is a small organisation; each test changes one thing in it.
const before = `
-- content/roles/lead.md --
---
title: Team Lead
---
-- content/roles/senior.md --
---
title: Senior Serverless Developer
reports_to: lead
---
-- content/roles/dev.md --
---
title: Serverless Developer
reports_to: [senior, lead]
positions: 2
---
-- content/teams/core.md --
---
title: Serverless Computing
lead: lead
---
-- content/processes/review.md --
---
title: Code Review
owner: senior
---
-- content/ladders/eng.md --
---
title: Engineering
levels:
  - role: dev
  - role: senior
  - role: lead
---
-- content/guide.md --
---
title: Guide
---
`

// change returns before with the given files replaced ("" removes one).
func change(files map[string]string) string {
	a := txtar.Parse([]byte(before))
	var out []txtar.File
	for _, f := range a.Files {
		if data, ok := files[f.Name]; ok {
			delete(files, f.Name)
			if data == "" {
				continue
			}
			f.Data = []byte(data)
		}
		out = append(out, f)
	}
	for name, data := range files {
		out = append(out, txtar.File{Name: name, Data: []byte(data)})
	}
	a.Files = out
	return string(txtar.Format(a))
}

func markdown(t *testing.T, after string) string {
	t.Helper()
	var b strings.Builder
	if err := orgdiff.Compare(graph(t, before), graph(t, after)).Markdown(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestDiff(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"nothing", map[string]string{}, "No change to roles, reporting lines, positions, process owners, ladders or URLs.\n"},
		{"reporting line", map[string]string{"content/roles/dev.md": "---\ntitle: Serverless Developer\nreports_to: lead\npositions: 2\n---\n"},
			"### Reporting lines\n\n- Serverless Developer now reports to Team Lead, was: Senior Serverless Developer or Team Lead"},
		{"role added", map[string]string{"content/roles/sre.md": "---\ntitle: SRE\nreports_to: lead\n---\n"},
			"### Roles added\n\n- SRE (`content/roles/sre.md`), reports to Team Lead\n\n### Positions\n\n- Serverless Computing: 5 positions, was: 4\n- Total: 5 positions, was: 4"},
		{"role removed", map[string]string{"content/roles/dev.md": "", "content/ladders/eng.md": "---\ntitle: Engineering\nlevels:\n  - role: senior\n  - role: lead\n---\n"},
			"### Roles removed\n\n- Serverless Developer (`content/roles/dev.md`)\n\n### Positions\n\n- Serverless Computing: 2 positions, was: 4\n- Total: 2 positions, was: 4\n\n### Ladder steps\n\n- Engineering: Senior Serverless Developer → Team Lead, was: Serverless Developer → Senior Serverless Developer → Team Lead\n\n### Warnings\n\n- ⚠️ /roles/dev/ (was `content/roles/dev.md`) no longer exists and nothing redirects it: add `aliases: [\"/roles/dev/\"]` to the page that replaces it"},
		{"renamed title", map[string]string{"content/roles/lead.md": "---\ntitle: Engineering Manager\n---\n"},
			"### Roles renamed\n\n- Team Lead is now called Engineering Manager"},
		// The retitled role owns a process, is a ladder step and a manager:
		// none of that changed, so only the rename is reported.
		{"renamed owner's title", map[string]string{"content/roles/senior.md": "---\ntitle: Head of Serverless\nreports_to: lead\n---\n"},
			"### Roles renamed\n\n- Senior Serverless Developer is now called Head of Serverless"},
		{"ladder step names a missing role", map[string]string{"content/roles/dev.md": "", "content/roles/developer.md": "---\ntitle: Serverless Developer\nreports_to: [senior, lead]\npositions: 2\n---\n"},
			"### Roles added\n\n- Serverless Developer (`content/roles/developer.md`), reports to Senior Serverless Developer or Team Lead\n\n" +
				"### Roles removed\n\n- Serverless Developer (`content/roles/dev.md`)\n\n" +
				"### Ladder steps\n\n- Engineering: dev (missing) → Senior Serverless Developer → Team Lead, was: Serverless Developer → Senior Serverless Developer → Team Lead\n\n" +
				"### Warnings\n\n- ⚠️ /roles/dev/ (was `content/roles/dev.md`) no longer exists and nothing redirects it: add `aliases: [\"/roles/dev/\"]` to the page that replaces it"},
		{"owner names a missing role", map[string]string{"content/processes/review.md": "---\ntitle: Code Review\nowner: senoir\n---\n"},
			"### Process owners\n\n- Code Review is now owned by senoir (missing), was: Senior Serverless Developer"},
		{"markdown in titles and paths", map[string]string{"content/roles/sre.md": "---\ntitle: \"[x](https://example.com) `y` *z*\"\nreports_to: lead\n---\n",
			"content/teams/core.md": "---\ntitle: Serverless_Computing <b>\nlead: lead\n---\n"},
			"### Roles added\n\n- \\[x\\](https://example.com) \\`y\\` \\*z\\* (`content/roles/sre.md`), reports to Team Lead\n\n" +
				"### Positions\n\n- Serverless\\_Computing \\<b\\>: 5 positions, was: 4\n- Total: 5 positions, was: 4"},
		{"moved with alias", map[string]string{"content/roles/dev.md": "", "content/roles/developer.md": "---\ntitle: Serverless Developer\nreports_to: [senior, lead]\npositions: 2\naliases: [/roles/dev/]\n---\n",
			"content/ladders/eng.md": "---\ntitle: Engineering\nlevels:\n  - role: developer\n  - role: senior\n  - role: lead\n---\n"},
			"### Roles renamed\n\n- Serverless Developer: id `dev` is now `developer`"},
		{"positions", map[string]string{"content/roles/dev.md": "---\ntitle: Serverless Developer\nreports_to: [senior, lead]\npositions: 3-4\n---\n"},
			"### Positions\n\n- Serverless Computing: 5-6 positions, was: 4\n- Total: 5-6 positions, was: 4"},
		{"process owner", map[string]string{"content/processes/review.md": "---\ntitle: Code Review\nowner: lead\n---\n"},
			"### Process owners\n\n- Code Review is now owned by Team Lead, was: Senior Serverless Developer"},
		{"ladder step", map[string]string{"content/ladders/eng.md": "---\ntitle: Engineering\nlevels:\n  - role: dev\n  - role: senior\n  - title: Staff\n  - role: lead\n---\n"},
			"### Ladder steps\n\n- Engineering: Serverless Developer → Senior Serverless Developer → Staff → Team Lead, was: Serverless Developer → Senior Serverless Developer → Team Lead"},
		{"page moved without alias", map[string]string{"content/guide.md": "", "content/handbook/guide.md": "---\ntitle: Guide\n---\n"},
			"### Warnings\n\n- ⚠️ /guide/ (was `content/guide.md`) no longer exists and nothing redirects it: add `aliases: [\"/guide/\"]` to `content/handbook/guide.md`"},
		{"page moved with alias", map[string]string{"content/guide.md": "", "content/handbook/guide.md": "---\ntitle: Guide\naliases: [/guide]\n---\n"},
			"No change to roles, reporting lines, positions, process owners, ladders or URLs.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := markdown(t, change(tt.files))
			want := "## What this change does to the organisation\n\n" + strings.TrimSuffix(tt.want, "\n") + "\n" // every report ends in one newline
			if got != want {
				t.Errorf("diff:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

func TestDiffJSONListsAreNeverNull(t *testing.T) {
	var b strings.Builder
	if err := orgdiff.Compare(graph(t, before), graph(t, before)).JSON(&b); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "null") || !strings.Contains(b.String(), `"reporting_lines": []`) {
		t.Errorf("JSON:\n%s", b.String())
	}
}

// TestDiffJSONHasIDs: scripts match roles, processes and ladders by id, so
// every entry carries ids besides the titles a person reads.
func TestDiffJSONHasIDs(t *testing.T) {
	after := change(map[string]string{
		"content/roles/dev.md":        "---\ntitle: Serverless Developer\nreports_to: lead\npositions: 2\n---\n",
		"content/processes/review.md": "---\ntitle: Code Review\nowner: lead\n---\n",
		"content/ladders/eng.md":      "---\ntitle: Engineering\nlevels:\n  - role: dev\n  - title: Staff\n---\n",
	})
	var b strings.Builder
	if err := orgdiff.Compare(graph(t, before), graph(t, after)).JSON(&b); err != nil {
		t.Fatal(err)
	}
	want := `{
  "roles_added": [],
  "roles_removed": [],
  "roles_renamed": [],
  "reporting_lines": [
    {
      "role": "Serverless Developer",
      "role_id": "dev",
      "before": [
        "Senior Serverless Developer",
        "Team Lead"
      ],
      "before_ids": [
        "senior",
        "lead"
      ],
      "after": [
        "Team Lead"
      ],
      "after_ids": [
        "lead"
      ]
    }
  ],
  "positions": [],
  "process_owners": [
    {
      "process": "Code Review",
      "process_id": "review",
      "before": "Senior Serverless Developer",
      "before_id": "senior",
      "after": "Team Lead",
      "after_id": "lead"
    }
  ],
  "ladders": [
    {
      "ladder": "Engineering",
      "ladder_id": "eng",
      "before": [
        "Serverless Developer",
        "Senior Serverless Developer",
        "Team Lead"
      ],
      "before_ids": [
        "dev",
        "senior",
        "lead"
      ],
      "after": [
        "Serverless Developer",
        "Staff"
      ],
      "after_ids": [
        "dev",
        ""
      ]
    }
  ],
  "lost_urls": []
}
`
	if b.String() != want {
		t.Errorf("JSON:\n%s\nwant:\n%s", b.String(), want)
	}
}
