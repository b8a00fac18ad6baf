package main

import (
	"fmt"
	"strconv"
	"strings"
)

// scaffold returns a new page of kind with front matter that builds as it
// is, each key explained by a comment and the optional ones commented out.
func scaffold(kind, title string, r refs) []byte {
	var b strings.Builder
	key := func(name, value, comment string) {
		fmt.Fprintf(&b, "# %s\n", comment)
		if value == "" {
			fmt.Fprintf(&b, "# %s: \n", name)
			return
		}
		fmt.Fprintf(&b, "%s: %s\n", name, value)
	}
	b.WriteString("---\n")
	b.WriteString("# The keys are documented in README.md, \"Content format\", and in /schema/frontmatter.json.\n")
	fmt.Fprintf(&b, "title: %s\n", strconv.Quote(title))
	b.WriteString("# One sentence, shown in indexes and under the title.\nsummary: \"\"\n")
	switch kind {
	case "role":
		key("reports_to", list(r.reportsTo), "The id of the role this one reports to; a list [a, b] means \"a or b\".")
		b.WriteString("# How many people hold the role: a number or a range like \"2-3\".\npositions: 1\n")
		key("team", r.team, "The id of the team page; left out, the role is in its manager's team.")
		b.WriteString("# The role's skills; a plain list means all required.\nskills:\n  required: []\n  preferred: []\n")
	case "process":
		key("owner", r.owner, "The id of the role that owns the process.")
		b.WriteString("# The ids of the roles that take part.\nparticipants: []\n")
		b.WriteString("# How often it runs: \"weekly\", \"per deployment\", ...\ncadence: \"\"\n")
	case "ladder":
		b.WriteString("# The steps from first to last: each a role id, a title for a step that is not a role, or both.\n")
		b.WriteString("levels:\n  - title: \"First step\"\n    typical: \"1-2 years\"\n")
	case "team":
		key("lead", r.lead, "The id of the role that leads the team.")
		key("parent", r.parent, "The id of the team this one belongs to.")
	}
	if kind != "process" {
		key("owner", r.owner, "The id of the role that owns this page and keeps it true.")
	}
	b.WriteString("# The date by which the owner reviews the page again (2006-01-02).\n# review_by: \n")
	b.WriteString("---\n\n")
	b.WriteString(body[kind])
	return []byte(b.String())
}

// list writes "a,b" as the YAML list [a, b], and "a" as a.
func list(ids string) string {
	if !strings.Contains(ids, ",") {
		return strings.TrimSpace(ids)
	}
	parts := strings.Split(ids, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// body is the outline each kind of page starts with.
var body = map[string]string{
	"role":    "## Responsibilities\n\n- \n\n## What success looks like\n\n",
	"process": "## When\n\n## Steps\n\n1. \n\n## Done when\n\n",
	"ladder":  "## How to move up\n\n",
	"team":    "## Mission\n\n## How to reach us\n\n",
	"page":    "",
}
