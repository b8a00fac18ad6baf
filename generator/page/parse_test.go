package page

import (
	"bytes"
	"testing"
)

func TestBody(t *testing.T) {
	for _, c := range []struct {
		name, src string
		body      string
		bodyLine  int
		title     string
	}{
		{"no front matter", "# Hi\n", "# Hi\n", 1, ""},
		{"empty file", "", "", 1, ""},
		{"yaml", "---\ntitle: x\n---\n# Hi\n", "# Hi\n", 4, "x"},
		{"blank lines first", "\n\n---\ntitle: x\n---\nBody", "Body", 6, "x"},
		{"toml", "+++\ntitle = 'x'\n+++\n\nBody", "\nBody", 4, "x"},
		{"json", "{\n\"title\": \"x\"\n}\n\nBody", "Body", 5, "x"},
		{"crlf", "---\r\ntitle: x\r\n---\r\nBody", "Body", 4, "x"},
		{"closing line at the end", "---\ntitle: x\n---", "", 3, "x"},
		{"empty front matter", "---\n---\nBody", "Body", 3, ""},
		{"only comments", "---\n# nothing yet\n---\nBody", "Body", 4, ""},
		{"byte order mark", "\uFEFF---\ntitle: x\n---\nBody", "Body", 4, "x"},
		{"unclosed", "---\ntitle: x\n", "---\ntitle: x\n", 1, ""},
		{"invalid yaml keeps the body", "---\ntitle: [x\n---\nBody", "Body", 4, ""},
		{"thematic break later", "Text\n\n---\n\nMore", "Text\n\n---\n\nMore", 1, ""},
	} {
		p, _ := Parse("content/x.md", []byte(c.src))
		if string(p.Body) != c.body || p.BodyLine != c.bodyLine || p.Title != c.title {
			t.Errorf("%s: got body %q at line %d, title %q; want %q at line %d, title %q",
				c.name, p.Body, p.BodyLine, p.Title, c.body, c.bodyLine, c.title)
		}
	}
}

func TestBodyPos(t *testing.T) {
	p, _ := Parse("content/x.md", []byte("---\ntitle: x\n---\n# Hi\n\n[link](y.md)\n"))
	if got, want := p.BodyPos(3, 2).String(), "content/x.md:6:2"; got != want {
		t.Errorf("got %s; want %s", got, want)
	}
}

func TestSyntaxErrors(t *testing.T) {
	for _, c := range []struct {
		name, src, want string
	}{
		{"unclosed yaml", "---\ntitle: x\n\nBody\n",
			`content/x.md:1:1: error: front matter starting here is not closed with "---"` + "\n"},
		{"unclosed toml after blank lines", "\n\n+++\ntitle = 'x'\n",
			`content/x.md:3:1: error: front matter starting here is not closed with "+++"` + "\n"},
		{"unclosed json", "{\n\"title\": \"x\"\n}\nBody\n",
			`content/x.md:1:1: error: front matter starting here is not closed with a "}" line followed by an empty line` + "\n"},
		{"opening line alone", "---",
			`content/x.md:1:1: error: front matter starting here is not closed with "---"` + "\n"},
		{"tab indenting the first key", "---\n\ttitle: x\n---\n",
			"content/x.md:2: error: front matter is not valid YAML: found character that cannot start any token\n"},
		{"tab indenting a later key", "---\ntitle: x\nskills:\n\t- Go\n---\n",
			"content/x.md:4: error: front matter is not valid YAML: found character that cannot start any token\n"},
		{"bad indentation", "---\nskills:\n  required: [Go]\n preferred: [Rust]\n---\n",
			"content/x.md:4: error: front matter is not valid YAML: did not find expected key\n"},
		{"colon in a plain value", "---\ntitle: x\nsummary: Owns: deploys\n---\n",
			"content/x.md:3: error: front matter is not valid YAML: mapping values are not allowed in this context\n"},
		{"unknown anchor", "---\ntitle: *x\n---\n",
			"content/x.md:1:1: error: front matter is not valid YAML: unknown anchor 'x' referenced\n"},
		{"bad toml", "+++\ntitle = 'x'\nsummary = \n+++\n",
			"content/x.md:3:11: error: front matter is not valid TOML: unexpected character U+000A at start of value\n"},
		{"bad toml string", "+++\ntitle = \"x\n+++\n",
			"content/x.md:2:11: error: front matter is not valid TOML: basic strings cannot have new lines\n"},
		{"json trailing comma", "{\n  \"title\": \"x\",\n}\n",
			"content/x.md:3:1: error: front matter is not valid JSON: invalid character '}' looking for beginning of object key string\n"},
		{"json bad value", "{\n  \"title\": x\n}\n",
			"content/x.md:2:12: error: front matter is not valid JSON: invalid character 'x' looking for beginning of value\n"},
	} {
		_, diags := Parse("content/x.md", []byte(c.src))
		if got := diags.String(); got != c.want {
			t.Errorf("%s:\ngot  %q\nwant %q", c.name, got, c.want)
		}
	}
}

// seeds are inputs that once went wrong or are easy to get wrong.
var seeds = []string{
	"",
	"---",
	"---\n",
	"---\n---",
	"+++\n+++\n",
	"{\n}\n",
	"{\n}",
	"---\ntitle: x\n---\nBody",
	"---\n\ttitle: x\n---\n",
	"---\na: &a [*a]\n---\n",
	"---\nlevels: [*x]\n---\n",
	"---\nlevels: &l [{role: a}, *l]\n---\n",
	"---\n? [a, b]\n: c\n---\n",
	"---\nskills: {required: {a: b}, preferred: [[x]]}\n---\n",
	"---\n!!binary aGk=: x\n---\n",
	"+++\n[[levels]]\n[levels.x]\n[[levels.y]]\na.b.c = 1\n+++\n",
	"+++\na = 1\n[a]\n[a.b]\n+++\n",
	"+++\nx = [[[[]]], {}, {a.b = [1, {c = 2}]}]\n+++\n",
	"+++\nx = \"\"\"\n+++\n\"\"\"\n+++\n",
	"+++\n\"\\u00e9\" = 'é'\n+++\n",
	"{\n\"a\": [[[[[[[[[[[[]]]]]]]]]]]],\n\"b\": {\"c\": {}}\n}\n",
	"{\n\"levels\": [\n{\"role\": 1}\n\n]\n}\n\n",
	"{\n\"title\": \"\\ud800\"\n}\n",
	"\uFEFF\n\n---\r\ntitle: é\r\n---\r\n",
	"---\ntitle: \x00\n---\n",
	"---\ntitle: \xff\n---\n",
}

func TestNeverPanics(t *testing.T) {
	for _, s := range seeds {
		checkParse(t, []byte(s))
	}
	for _, c := range formatCases {
		for _, s := range []string{c.yaml, c.toml, c.json} {
			// Every prefix: unclosed front matter, half a value, half a key.
			for i := range len(s) {
				checkParse(t, []byte(s[:i]))
			}
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	for _, c := range formatCases {
		f.Add([]byte(c.yaml))
		f.Add([]byte(c.toml))
		f.Add([]byte(c.json))
	}
	f.Fuzz(checkParse)
}

// checkParse parses src and checks what must hold for any input.
func checkParse(t *testing.T, src []byte) {
	p, diags := Parse("content/roles/x.md", src)
	if p == nil {
		t.Fatalf("Parse(%q) returned no page", src)
	}
	if !bytes.HasSuffix(src, p.Body) || p.BodyLine < 1 {
		t.Fatalf("Parse(%q): body %q at line %d is not the end of the file", src, p.Body, p.BodyLine)
	}
	for _, d := range diags {
		if d.Pos.File != "content/roles/x.md" || d.Pos.Line < 1 || d.Msg == "" {
			t.Fatalf("Parse(%q): bad diagnostic %q", src, d)
		}
	}
}
