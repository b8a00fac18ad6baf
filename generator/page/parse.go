package page

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/adrg/frontmatter"
	"github.com/teamhandbook/handbook/generator/diag"
	"gopkg.in/yaml.v3"
)

// Parse reads the content file at path, a slash path from the site root such
// as "content/roles/team-lead.md". It always returns a Page, so that later
// stages can check the rest of the handbook even when this file has errors;
// the list holds every problem found in its front matter.
func Parse(path string, src []byte) (*Page, diag.List) {
	var diags diag.List
	// Editors on Windows may save a byte order mark, which would hide the
	// opening "---" and is invisible when counting columns.
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))

	rel := strings.TrimPrefix(path, "content/")
	landing := isLanding(rel)
	p := &Page{
		Path:    path,
		Rel:     rel,
		Landing: landing,
		URL:     pageURL(rel, landing),
		Kind:    folderKind(rel, landing),
	}
	fm := splitFrontMatter(path, src, &diags)
	p.Body, p.BodyLine = fm.body, fm.bodyLine

	d := &decoder{file: path, line: fm.line, kind: p.Kind, diags: &diags}
	if k, ok := declaredKind(rootMapping(fm.root)); ok {
		p.Kind, d.kind = k, k
	}
	p.Meta = d.meta(fm.root)
	if p.Meta.ID.Value == "" {
		p.Meta.ID = Text{Value: defaultID(rel, landing), Pos: diag.Position{File: path}}
	}
	p.Title = p.Meta.Title.Value
	return p, diags
}

// split is a content file cut into front matter and body.
type split struct {
	root     *yaml.Node // the front matter; nil when absent or unreadable
	line     int        // the file line of the front matter's first line
	body     []byte
	bodyLine int
}

// splitFrontMatter finds the front matter of src and parses it, reporting
// syntax errors and unclosed front matter.
func splitFrontMatter(path string, src []byte, diags *diag.List) split {
	var fm frontMatter
	openLine, openCol, first := opening(src)
	in := frontMatterOnly(src, first)
	rest, err := frontmatter.Parse(bytes.NewReader(in), &fm, formats()...)
	if err == nil && fm.format == "" && len(in) < len(src) {
		rest, err = frontmatter.Parse(bytes.NewReader(src), &fm, formats()...)
		in = src
	}
	at := diag.Position{File: path, Line: openLine, Col: openCol}
	if err != nil || len(rest) > len(in) {
		// Reading from memory does not fail and the unmarshalers never
		// return errors, so this is only a safety net.
		diags.Rule("front-matter").Errorf(at, "cannot read front matter: %v", err)
		return split{body: src, bodyLine: 1}
	}
	consumed := len(in) - len(rest)
	s := split{body: src[consumed:], bodyLine: 1 + bytes.Count(src[:consumed], []byte("\n"))}

	if fm.format == "" {
		// The frontmatter package treats an opening line without its
		// closing line as no front matter, which would publish the keys as
		// text: a writer who forgot the closing line wants to hear it.
		switch first {
		case "---", "+++":
			diags.Rule("front-matter").Errorf(at, "front matter starting here is not closed with %q", first)
		case "{":
			diags.Rule("front-matter").Errorf(at, `front matter starting here is not closed with a "}" line followed by an empty line`)
		}
		return s
	}

	s.line = openLine + 1
	if fm.format == "JSON" {
		s.line = openLine // JSON's braces are part of the front matter
	}
	if e := fm.err; e != nil {
		if e.line > 0 {
			at = diag.Position{File: path, Line: s.line + e.line - 1, Col: e.col}
		}
		diags.Rule("front-matter").Errorf(at, "front matter is not valid %s: %s", fm.format, e.msg)
		return s
	}
	s.root = fm.root
	return s
}

// opening returns the first line of src that is not blank, trimmed, with its
// position: the frontmatter package looks for the opening delimiter there.
func opening(src []byte) (line, col int, text string) {
	for line = 1; len(src) > 0; line++ {
		l, rest, _ := bytes.Cut(src, []byte("\n"))
		if t := bytes.TrimSpace(l); len(t) > 0 {
			indent := l[:len(l)-len(bytes.TrimLeftFunc(l, unicode.IsSpace))]
			return line, utf8.RuneCount(indent) + 1, string(t)
		}
		src = rest
	}
	return 1, 1, ""
}

// frontMatterOnly returns the start of src up to the end of the line that
// closes its YAML or TOML front matter, first being its first non-blank
// line, or src. The frontmatter package copies all that follows the front
// matter, to return it: 180 MB of the 3.3 GB a 10,000-page build
// allocated, for a body only its length is wanted of. The package decides
// where the front matter ends: the cut is at the first line it could
// close at or later, and a cut that leaves it none is retried with src.
func frontMatterOnly(src []byte, first string) []byte {
	if first != "---" && first != "+++" {
		return src
	}
	_, after, _ := bytes.Cut(src, []byte(first)) // the opening line
	for at := len(src) - len(after); at < len(src); {
		line, _, _ := bytes.Cut(src[at:], []byte("\n"))
		at += len(line) + 1
		if string(bytes.TrimSpace(line)) == first {
			return src[:min(at, len(src))]
		}
	}
	return src
}

// frontMatter receives what the frontmatter package found. The package
// decodes by calling an unmarshal function, which here parses into a node
// tree rather than into Go values, so that positions survive.
type frontMatter struct {
	format string // "YAML", "TOML" or "JSON"; empty when the file has none
	root   *yaml.Node
	err    *syntaxError
}

// formats returns the front-matter formats the handbook accepts. The JSON
// format includes its braces in the text to parse and needs an empty line
// after the closing brace, so that a "}" inside the object does not end it.
func formats() []*frontmatter.Format {
	return []*frontmatter.Format{
		frontmatter.NewFormat("---", "---", unmarshalYAML),
		frontmatter.NewFormat("+++", "+++", unmarshalTOML),
		{Start: "{", End: "}", Unmarshal: unmarshalJSON, UnmarshalDelims: true, RequiresNewLine: true},
	}
}

func unmarshalYAML(data []byte, v any) error { return parseInto(v, "YAML", data, parseYAML) }
func unmarshalTOML(data []byte, v any) error { return parseInto(v, "TOML", data, parseTOML) }
func unmarshalJSON(data []byte, v any) error { return parseInto(v, "JSON", data, parseJSON) }

// parseInto parses data into v, a *frontMatter. A syntax error is kept
// rather than returned: the frontmatter package would then drop the body,
// and the body's position is still needed.
func parseInto(v any, format string, data []byte, parse func([]byte) (*yaml.Node, *syntaxError)) error {
	fm, ok := v.(*frontMatter)
	if !ok {
		return fmt.Errorf("cannot parse front matter into %T", v)
	}
	fm.format = format
	fm.root, fm.err = parse(data)
	return nil
}
