package page

import (
	"reflect"
	"strings"
	"testing"

	"github.com/teamhandbook/handbook/generator/diag"
)

// The same front matter in the three formats, for every kind of page.
var formatCases = []struct {
	path             string
	yaml, toml, json string
	want             Meta
}{
	{
		path: "content/roles/senior-dev.md",
		yaml: `---
title: Senior Serverless Developer
id: senior-dev
kind: role
summary: Builds the functions.
draft: true
weight: -2
aliases: [/old/senior/, /older/]
reports_to: [team-lead, architect]
positions: "2-3"
direct_reports: 4
team: serverless
skills:
  required: [Go, AWS]
  preferred: [Rust]
external: true
---
`,
		toml: `+++
title = "Senior Serverless Developer"
id = "senior-dev"
kind = "role"
summary = "Builds the functions."
draft = true
weight = -2
aliases = ["/old/senior/", "/older/"]
reports_to = ["team-lead", "architect"]
positions = "2-3"
direct_reports = 4
team = "serverless"
external = true

[skills]
required = ["Go", "AWS"]
preferred = ["Rust"]
+++
`,
		json: `{
  "title": "Senior Serverless Developer",
  "id": "senior-dev",
  "kind": "role",
  "summary": "Builds the functions.",
  "draft": true,
  "weight": -2,
  "aliases": ["\/old\/senior\/", "/older/"],
  "reports_to": ["team-lead", "architect"],
  "positions": "2-3",
  "direct_reports": 4,
  "team": "serverless",
  "skills": {"required": ["Go", "AWS"], "preferred": ["Rust"]},
  "external": true
}
`,
		want: Meta{
			Title:         Text{Value: "Senior Serverless Developer"},
			ID:            Text{Value: "senior-dev"},
			Kind:          Text{Value: "role"},
			Summary:       Text{Value: "Builds the functions."},
			Draft:         true,
			Weight:        -2,
			Aliases:       []Text{{Value: "/old/senior/"}, {Value: "/older/"}},
			ReportsTo:     []Text{{Value: "team-lead"}, {Value: "architect"}},
			Positions:     Range{Min: 2, Max: 3, Set: true},
			DirectReports: Range{Min: 4, Max: 4, Set: true},
			Team:          Text{Value: "serverless"},
			Skills: Skills{
				Required:  []Text{{Value: "Go"}, {Value: "AWS"}},
				Preferred: []Text{{Value: "Rust"}},
			},
			External: true,
		},
	},
	{
		path: "content/roles/team-lead.md",
		yaml: "---\ntitle: Team Lead\nreports_to: cto\npositions: 1\nskills: [People, Planning]\n---\n",
		toml: "+++\ntitle = 'Team Lead'\nreports_to = 'cto'\npositions = 1\nskills = ['People', 'Planning']\n+++\n",
		json: "{\n\"title\": \"Team Lead\", \"reports_to\": \"cto\", \"positions\": 1,\n\"skills\": [\"People\", \"Planning\"]\n}\n",
		want: Meta{
			Title:     Text{Value: "Team Lead"},
			ID:        Text{Value: "team-lead"},
			ReportsTo: []Text{{Value: "cto"}},
			Positions: Range{Min: 1, Max: 1, Set: true},
			Skills:    Skills{Required: []Text{{Value: "People"}, {Value: "Planning"}}},
		},
	},
	{
		path: "content/processes/incident-response.md",
		yaml: "---\ntitle: Incident response\nowner: sre-lead\nparticipants:\n  - sre\n  - developer\ncadence: per incident\n---\n",
		toml: "+++\ntitle = \"Incident response\"\nowner = \"sre-lead\"\nparticipants = [\n  \"sre\", # on call\n  \"developer\",\n]\ncadence = \"per incident\"\n+++\n",
		json: "{\n  \"title\": \"Incident response\",\n  \"owner\": \"sre-lead\",\n  \"participants\": [\"sre\", \"developer\"],\n  \"cadence\": \"per incident\"\n}\n",
		want: Meta{
			Title:        Text{Value: "Incident response"},
			ID:           Text{Value: "incident-response"},
			Owner:        Text{Value: "sre-lead"},
			Participants: []Text{{Value: "sre"}, {Value: "developer"}},
			Cadence:      Text{Value: "per incident"},
		},
	},
	{
		path: "content/ladders/engineering.md",
		yaml: `---
title: Engineering
levels:
  - role: junior-dev
    typical: 1-2 years
  - role: senior-dev
    title: Senior
  - title: Technical lead
---
`,
		toml: `+++
title = "Engineering"

[[levels]]
role = "junior-dev"
typical = "1-2 years"

[[levels]]
role = "senior-dev"
title = "Senior"

[[levels]]
title = "Technical lead"
+++
`,
		json: `{
  "title": "Engineering",
  "levels": [
    {"role": "junior-dev", "typical": "1-2 years"},
    {"role": "senior-dev", "title": "Senior"},
    {"title": "Technical lead"}
  ]
}
`,
		want: Meta{
			Title: Text{Value: "Engineering"},
			ID:    Text{Value: "engineering"},
			Levels: []Level{
				{Role: Text{Value: "junior-dev"}, Typical: Text{Value: "1-2 years"}},
				{Role: Text{Value: "senior-dev"}, Title: Text{Value: "Senior"}},
				{Title: Text{Value: "Technical lead"}},
			},
		},
	},
	{
		path: "content/teams/platform.md",
		yaml: "---\ntitle: Platform\nlead: platform-lead\nparent: engineering\ndivision: Technology\n---\n",
		toml: "+++\ntitle = \"Platform\"\nlead = \"platform-lead\"\nparent = \"engineering\"\ndivision = \"Technology\"\n+++\n",
		json: "{\n  \"title\": \"Platform\",\n  \"lead\": \"platform-lead\",\n  \"parent\": \"engineering\",\n  \"division\": \"Technology\"\n}\n",
		want: Meta{
			Title:    Text{Value: "Platform"},
			ID:       Text{Value: "platform"},
			Lead:     Text{Value: "platform-lead"},
			Parent:   Text{Value: "engineering"},
			Division: Text{Value: "Technology"},
		},
	},
}

func TestDecodeFormats(t *testing.T) {
	for _, c := range formatCases {
		// JSON front matter ends at a "}" line followed by an empty line.
		for format, src := range map[string]string{"yaml": c.yaml, "toml": c.toml, "json": c.json + "\n"} {
			p, diags := Parse(c.path, []byte(src+"Body\n"))
			if len(diags) > 0 {
				t.Errorf("%s as %s: got diagnostics\n%s", c.path, format, diags)
			}
			if got := withoutPositions(p.Meta); !reflect.DeepEqual(got, c.want) {
				t.Errorf("%s as %s:\ngot  %+v\nwant %+v", c.path, format, got, c.want)
			}
			if got, want := string(p.Body), "Body\n"; got != want {
				t.Errorf("%s as %s: got body %q; want %q", c.path, format, got, want)
			}
		}
	}
}

// withoutPositions returns m with every position cleared, so that the same
// front matter in different formats compares equal.
func withoutPositions(m Meta) Meta {
	text := func(t *Text) { t.Pos = diag.Position{} }
	texts := func(ts []Text) {
		for i := range ts {
			text(&ts[i])
		}
	}
	for _, t := range []*Text{&m.Title, &m.ID, &m.Kind, &m.Summary, &m.Team, &m.Owner, &m.Cadence, &m.Lead, &m.Parent, &m.Division} {
		text(t)
	}
	texts(m.Aliases)
	texts(m.ReportsTo)
	texts(m.Participants)
	texts(m.Skills.Required)
	texts(m.Skills.Preferred)
	m.Positions.Pos = diag.Position{}
	m.DirectReports.Pos = diag.Position{}
	m.ReviewBy.Pos = diag.Position{}
	for i := range m.Levels {
		l := &m.Levels[i]
		text(&l.Role)
		text(&l.Title)
		text(&l.Typical)
		l.Pos = diag.Position{}
	}
	return m
}

// TestEveryKeyDecodes guards the key table: a key whose set function
// stores into the wrong field, or reads the wrong part of the decoded value,
// would be accepted and then lost.
func TestEveryKeyDecodes(t *testing.T) {
	samples := map[shape]string{
		shapeString:       `"x"`,
		shapeRef:          `"x"`,
		shapeKind:         `"page"`,
		shapeBool:         `true`,
		shapeInt:          `3`,
		shapeRefs:         `["x"]`,
		shapeRefOrRefs:    `"x"`,
		shapeAliases:      `["/x/"]`,
		shapeCount:        `2`,
		shapeSkills:       `["x"]`,
		shapeLevels:       `[{role: x}]`,
		shapeOnboarding:   `["x"]`,
		shapeCompetencies: `{x: {y: z}}`,
		shapeDate:         `2025-06-30`,
		shapeDuties:       `{x: "y"}`,
	}
	folders := map[Kind]string{KindRole: "roles", KindProcess: "processes", KindLadder: "ladders", KindTeam: "teams"}
	for _, k := range metaKeys() {
		sample, ok := samples[k.shape]
		if !ok {
			t.Errorf("key %q: no sample for its shape", k.name)
			continue
		}
		path := "content/x.md"
		if k.kinds != nil {
			path = "content/" + folders[k.kinds[0]] + "/x.md"
		}
		p, diags := Parse(path, []byte("---\n"+k.name+": "+sample+"\n---\n"))
		if len(diags) > 0 {
			t.Errorf("key %q: got diagnostics\n%s", k.name, diags)
		}
		m := withoutPositions(p.Meta)
		if k.name != "id" {
			m.ID = Text{}
		}
		if reflect.DeepEqual(m, Meta{}) {
			t.Errorf("key %q: got an empty Meta; want the value stored", k.name)
		}
	}
}

func TestDecodePositions(t *testing.T) {
	src := "\n---\ntitle: Tech Lead\nreports_to:\n  - cto\n  - \"vp\"\npositions: 2-3\nskills:\n  preferred: [Go]\n---\n"
	p, diags := Parse("content/roles/tech-lead.md", []byte(src))
	if len(diags) > 0 {
		t.Fatalf("got diagnostics\n%s", diags)
	}
	for _, c := range []struct {
		name string
		got  diag.Position
		want string
	}{
		{"title", p.Meta.Title.Pos, "content/roles/tech-lead.md:3:8"},
		{"reports_to[0]", p.Meta.ReportsTo[0].Pos, "content/roles/tech-lead.md:5:5"},
		{"reports_to[1]", p.Meta.ReportsTo[1].Pos, "content/roles/tech-lead.md:6:5"},
		{"positions", p.Meta.Positions.Pos, "content/roles/tech-lead.md:7:12"},
		{"skills.preferred[0]", p.Meta.Skills.Preferred[0].Pos, "content/roles/tech-lead.md:9:15"},
		{"default id", p.Meta.ID.Pos, "content/roles/tech-lead.md"},
	} {
		if c.got.String() != c.want {
			t.Errorf("%s: got %s; want %s", c.name, c.got, c.want)
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	for _, c := range []struct {
		name, path, src string
		want            []string
	}{
		{
			name: "yaml role",
			path: "content/roles/x.md",
			src: `---
title: [Senior]
reports_too: lead
positions: two
direct_reports: "6-4"
cadence: weekly
skills:
  required: Go
  nice: [Rust]
aliases: [old/path/]
id: ""
title: again
draft: yes
weight: 1.5
---
`,
			want: []string{
				`content/roles/x.md:2:8: error: title must be a string, not a list`,
				`content/roles/x.md:3:1: error: unknown key "reports_too"; did you mean "reports_to"?`,
				`content/roles/x.md:4:12: error: positions must be a number or a range like "2-3", not "two"`,
				`content/roles/x.md:5:17: error: direct_reports must be a range from low to high like "4-6", not "6-4"`,
				`content/roles/x.md:6:1: error: key "cadence" is for process pages, not role pages`,
				`content/roles/x.md:8:13: error: skills.required must be a list of strings, not "Go"`,
				`content/roles/x.md:9:3: error: unknown key "nice" in skills`,
				`content/roles/x.md:10:11: error: each item of aliases must start with "/", not "old/path/"`,
				`content/roles/x.md:11:5: error: id must not be empty`,
				`content/roles/x.md:12:1: error: duplicate key "title"; it is already set on line 2`,
				`content/roles/x.md:13:8: error: draft must be true or false, not "yes"`,
				`content/roles/x.md:14:9: error: weight must be a whole number, not 1.5`,
			},
		},
		{
			name: "yaml nested and misspelt",
			path: "content/roles/x.md",
			src:  "---\nskills:\n    requierd: [Go]\nreports_to: {a: b}\npositions: -1\ndirect_reports: [2]\nTitle: x\nteam: null\nexternal: 1\n---\n",
			want: []string{
				`content/roles/x.md:3:5: error: unknown key "requierd" in skills; did you mean "required"?`,
				`content/roles/x.md:4:13: error: reports_to must be a string or a list of strings, not a mapping`,
				`content/roles/x.md:5:12: error: positions must be a number or a range like "2-3", not -1`,
				`content/roles/x.md:6:17: error: direct_reports must be a number or a range like "2-3", not a list`,
				`content/roles/x.md:7:1: error: unknown key "Title"; did you mean "title"?`,
				`content/roles/x.md:8:7: error: team must be a string, not null`,
				`content/roles/x.md:9:11: error: external must be true or false, not 1`,
			},
		},
		{
			name: "review dates",
			path: "content/a.md",
			src:  "---\ntitle: A\nreview_by: 30/06/2025\n---\n",
			want: []string{
				`content/a.md:3:12: error: review_by must be a date like 2006-01-02, not "30/06/2025"`,
			},
		},
		{
			name: "json review date",
			path: "content/a.md",
			src:  "{\n  \"title\": \"A\",\n  \"review_by\": 2025\n}\n\n",
			want: []string{
				`content/a.md:3:16: error: review_by must be a date like 2006-01-02, not 2025`,
			},
		},
		{
			name: "toml process",
			path: "content/processes/p.md",
			src:  "+++\ntitle = \"Deploy\"\nowner = \"\"\nparticipants = [\"a\", 3]\ncadnce = \"weekly\"\nreports_to = \"x\"\n[skills]\n+++\n",
			want: []string{
				`content/processes/p.md:3:9: error: owner must not be empty`,
				`content/processes/p.md:4:22: error: each item of participants must be a string, not 3`,
				`content/processes/p.md:5:1: error: unknown key "cadnce"; did you mean "cadence"?`,
				`content/processes/p.md:6:1: error: key "reports_to" is for role pages, not process pages`,
				`content/processes/p.md:7:2: error: key "skills" is for role pages, not process pages`,
			},
		},
		{
			name: "toml duplicates",
			path: "content/roles/r.md",
			src:  "+++\ntitle = \"A\"\nskills.required = [\"Go\"]\n\n[skills]\nrequired = [\"Rust\"]\n\n[skills]\n+++\n",
			want: []string{
				`content/roles/r.md:6:1: error: duplicate key "required"; it is already set on line 3`,
				`content/roles/r.md:8:2: error: duplicate key "skills"; it is already set on line 3`,
			},
		},
		{
			name: "toml array and table positions",
			path: "content/roles/r.md",
			src:  "+++\ntitle = [ [1], {a = 2} ]\nsummary = { a = 1 }\nweight = 1_000_000_000_000_000_000_0\n+++\n",
			want: []string{
				`content/roles/r.md:2:9: error: title must be a string, not a list`,
				`content/roles/r.md:3:11: error: summary must be a string, not a mapping`,
				`content/roles/r.md:4:10: error: weight must be a whole number, not 1_000_000_000_000_000_000_0`,
			},
		},
		{
			name: "json team",
			path: "content/teams/t.md",
			src:  "{\n  \"title\": \"Platform\",\n  \"lead\": [\"a\"],\n  \"parent\": null,\n  \"division\": 7,\n  \"levels\": []\n}\n\nBody\n",
			want: []string{
				`content/teams/t.md:3:11: error: lead must be a string, not a list`,
				`content/teams/t.md:4:13: error: parent must be a string, not null`,
				`content/teams/t.md:5:15: error: division must be a string, not 7`,
				`content/teams/t.md:6:3: error: key "levels" is for ladder pages, not team pages`,
			},
		},
		{
			name: "yaml ladder",
			path: "content/ladders/eng.md",
			src:  "---\nlevels:\n  - role: junior\n    typical: 1-2 years\n  - title: Tech lead\n    nme: x\n  - typical: 3 years\n  - role: \"\"\n  - just-a-string\n---\n",
			want: []string{
				`content/ladders/eng.md:6:5: error: unknown key "nme" in a level`,
				`content/ladders/eng.md:7:5: error: level needs a role or a title`,
				`content/ladders/eng.md:8:11: error: levels[].role must not be empty`,
				`content/ladders/eng.md:9:5: error: each item of levels must be a mapping with role, title and typical, not "just-a-string"`,
			},
		},
		{
			name: "bad kind falls back to the folder's",
			path: "content/misc/x.md",
			src:  "---\nkind: rol\nreports_to: a\n---\n",
			want: []string{
				`content/misc/x.md:2:7: error: kind must be one of role, team, process, ladder, skill or page, not "rol"`,
				`content/misc/x.md:3:1: error: key "reports_to" is for role pages, not plain pages`,
			},
		},
		{
			name: "onboarding items",
			path: "content/teams/x.md",
			src: `---
title: X
onboarding:
  - Meet the team
  - ""
  - [a]
  - {link: a.md}
  - {task: "", when: week 1}
  - {task: Read, whn: week 1}
  - {task: 3}
---
`,
			want: []string{
				`content/teams/x.md:5:5: error: each item of onboarding must not be empty`,
				`content/teams/x.md:6:5: error: each item of onboarding must be a task or a mapping with task, link and when, not a list`,
				`content/teams/x.md:7:5: error: onboarding item needs a task`,
				`content/teams/x.md:8:12: error: onboarding[].task must not be empty`,
				`content/teams/x.md:9:18: error: unknown key "whn" in an onboarding item; did you mean "when"?`,
				`content/teams/x.md:10:12: error: onboarding[].task must be a string, not 3`,
			},
		},
		{
			name: "onboarding on a process",
			path: "content/processes/x.md",
			src:  "---\ntitle: X\nonboarding: Read it\n---\n",
			want: []string{`content/processes/x.md:3:1: error: key "onboarding" is for role and team pages, not process pages`},
		},
		{
			name: "competencies",
			path: "content/ladders/x.md",
			src: `---
title: X
competencies:
  Delivery:
    dev: Ships
    dev: Ships twice
    lead: ""
  Scope: [a]
---
`,
			want: []string{
				`content/ladders/x.md:6:5: error: duplicate key "dev"; it is already set on line 5`,
				`content/ladders/x.md:7:11: error: competencies.Delivery.lead must not be empty`,
				`content/ladders/x.md:8:10: error: competencies.Scope must be a mapping of levels to expectations, not a list`,
			},
		},
		{
			name: "competencies as a list",
			path: "content/ladders/x.md",
			src:  "---\ntitle: X\ncompetencies: [a]\n---\n",
			want: []string{`content/ladders/x.md:3:15: error: competencies must be a mapping of competency names to levels, not a list`},
		},
		{
			name: "processes",
			path: "content/roles/x.md",
			src: `---
title: X
processes:
  review: Reviews code
  review: Reviews again
  deploy: ""
  ops: [a]
---
`,
			want: []string{
				`content/roles/x.md:5:3: error: duplicate key "review"; it is already set on line 4`,
				`content/roles/x.md:6:11: error: processes.deploy must not be empty`,
				`content/roles/x.md:7:8: error: processes.ops must be a string, not a list`,
			},
		},
		{
			name: "processes as a list",
			path: "content/roles/x.md",
			src:  "---\ntitle: X\nprocesses: [a]\n---\n",
			want: []string{`content/roles/x.md:3:12: error: processes must be a mapping of process ids to what the role does in each, not a list`},
		},
		{
			name: "processes on a team",
			path: "content/teams/x.md",
			src:  "---\ntitle: X\nprocesses: {a: b}\n---\n",
			want: []string{`content/teams/x.md:3:1: error: key "processes" is for role pages, not team pages`},
		},
		{
			name: "front matter that is not a mapping",
			path: "content/x.md",
			src:  "---\n- a\n- b\n---\n",
			want: []string{`content/x.md:2:1: error: front matter must be a mapping of keys to values, not a list`},
		},
		{
			name: "keys that are not names",
			path: "content/x.md",
			src:  "---\n[a]: b\n---\n",
			want: []string{`content/x.md:2:1: error: a key must be a name, not a list`},
		},
	} {
		_, diags := Parse(c.path, []byte(c.src))
		got := strings.Split(strings.TrimSuffix(diags.String(), "\n"), "\n")
		if len(diags) == 0 {
			got = nil
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s:\ngot  %s\nwant %s", c.name, strings.Join(got, "\n     "), strings.Join(c.want, "\n     "))
		}
	}
}

func TestDescribeLongStrings(t *testing.T) {
	_, diags := Parse("content/x.md", []byte("---\nweight: this is a rather long sentence that goes on and on\n---\n"))
	if got, want := diags.String(), "content/x.md:2:9: error: weight must be a whole number, not a long string\n"; got != want {
		t.Errorf("got %q; want %q", got, want)
	}
}

func TestSuggest(t *testing.T) {
	keys := []string{"title", "reports_to", "id", "owner"}
	for _, c := range []struct {
		name, want string
	}{
		{"titel", "title"},
		{"reports_too", "reports_to"},
		{"reportsto", "reports_to"},
		{"ownr", "owner"},
		{"x", ""},
		{"ab", ""},
		{"summary", ""},
	} {
		if got, _ := suggest(c.name, keys); got != c.want {
			t.Errorf("suggest(%q): got %q; want %q", c.name, got, c.want)
		}
	}
}

func TestYAMLAnchors(t *testing.T) {
	p, diags := Parse("content/roles/x.md", []byte("---\ntitle: &t Lead\nsummary: *t\nskills: *t\n---\n"))
	if got, want := p.Meta.Summary.Value, "Lead"; got != want {
		t.Errorf("got summary %q; want %q", got, want)
	}
	if got, want := p.Meta.Summary.Pos.String(), "content/roles/x.md:3:10"; got != want {
		t.Errorf("got summary at %s; want %s", got, want)
	}
	want := `content/roles/x.md:4:9: error: skills must be a list of strings or a mapping with required and preferred lists, not "Lead"` + "\n"
	if got := diags.String(); got != want {
		t.Errorf("got %q; want %q", got, want)
	}
}
