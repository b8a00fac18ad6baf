package markdown

import (
	"reflect"
	"testing"
)

func TestHeadings(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []Heading
	}{
		{"atx", "# One\n\n## Two\n",
			[]Heading{{1, "one", "One", 1, 1}, {2, "two", "Two", 3, 1}}},
		{"repeated", "## Setup\n## Setup\n### Setup\n",
			[]Heading{{2, "setup", "Setup", 1, 1}, {2, "setup-1", "Setup", 2, 1}, {3, "setup-2", "Setup", 3, 1}}},
		{"github ids", "## Team Lead - Serverless Architecture\n## Code Review and Quality Assurance\n",
			[]Heading{
				{2, "team-lead---serverless-architecture", "Team Lead - Serverless Architecture", 1, 1},
				{2, "code-review-and-quality-assurance", "Code Review and Quality Assurance", 2, 1},
			}},
		// The id comes from the text, not the source: no URL, no markup,
		// entities resolved.
		{"markup", "## See [the *docs*](https://x.com/a) &amp; `co`\n",
			[]Heading{{2, "see-the-docs--co", "See the docs & co", 1, 1}}},
		{"escapes", "## 1\\. Step \\#1\n",
			[]Heading{{2, "1-step-1", "1. Step #1", 1, 1}}},
		{"image", "## ![logo](l.png) Tools\n",
			[]Heading{{2, "-tools", "logo Tools", 1, 1}}},
		{"non-ascii", "## Café & Crème\n",
			[]Heading{{2, "café--crème", "Café & Crème", 1, 1}}},
		{"closing hashes", "## Title ##\n",
			[]Heading{{2, "title", "Title", 1, 1}}},
		{"setext", "Intro\n\nPart one\n--------\n",
			[]Heading{{2, "part-one", "Part one", 3, 1}}},
		{"setext two lines", "Part\none\n===\n",
			[]Heading{{1, "partone", "Part one", 1, 1}}},
		{"indented", "   ### Deep\n",
			[]Heading{{3, "deep", "Deep", 1, 4}}},
		{"in blockquote", "> ## Quoted\n",
			[]Heading{{2, "quoted", "Quoted", 1, 3}}},
		{"in list", "- item\n\n  ## Listed\n",
			[]Heading{{2, "listed", "Listed", 3, 3}}},
		{"after non-ascii line", "é\n\n## Next\n",
			[]Heading{{2, "next", "Next", 3, 1}}},
		{"empty", "##\n",
			[]Heading{{2, "heading", "", 1, 1}}},
		{"none", "Just text.\n", []Heading{}},
	}
	r := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := r.Parse([]byte(tt.src)).Headings
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%q:\ngot  %+v\nwant %+v", tt.src, got, tt.want)
			}
		})
	}
}

func TestTitle(t *testing.T) {
	tests := []struct {
		src, want string
	}{
		{"# Team Lead\n\nBody.\n", "Team Lead"},
		{"# The `handbook` tool\n", "The handbook tool"},
		{"# *Senior* **Serverless** ~~Junior~~ Developer\n", "Senior Serverless Junior Developer"},
		{"# About [us](about.md)\n", "About us"},
		{"# Q&amp;A \\*draft\\*\n", "Q&A *draft*"},
		{"# Title #\n", "Title"},
		{"Setext Title\n============\n\nBody.\n", "Setext Title"},
		{"Setext\nover two lines\n===\n", "Setext over two lines"},
		{"## Level two first\n", ""},
		{"Text first.\n\n# Late title\n", ""},
		{"<!-- comment -->\n# After HTML\n", ""},
		{"#\n\nEmpty heading.\n", ""},
		{"", ""},
	}
	r := New(Options{})
	for _, tt := range tests {
		if got := r.Parse([]byte(tt.src)).Title; got != tt.want {
			t.Errorf("Title of %q: got %q; want %q", tt.src, got, tt.want)
		}
	}
}
