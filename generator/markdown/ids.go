package markdown

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
)

// headingIDs gives the headings of one document the ids GitHub gives them,
// so that a link written for GitHub ("roles/x.md#team-lead---serverless")
// resolves on the site too.
//
// goldmark's default differs in two ways that matter for handbooks: it drops
// every non-ASCII character ("Café" becomes "caf", GitHub keeps "café"), and
// it slugs the raw source line, so a heading with a link, an entity or
// inline code gets URL and markup characters in its id. Generate is
// therefore fed the heading's text, as GitHub does (see Doc.collectHeadings).
//
// It implements parser.IDs so that it can stand in for goldmark's own if the
// parser is ever asked to generate ids.
type headingIDs struct {
	used map[string]bool
	next map[string]int // the next suffix to try for a repeated id
}

var _ parser.IDs = (*headingIDs)(nil)

func newHeadingIDs() *headingIDs {
	return &headingIDs{used: map[string]bool{}, next: map[string]int{}}
}

// Generate returns a new id for a node whose text is value. A repeated id
// gets "-1", "-2"... appended, as on GitHub; unlike GitHub, ids stay unique
// even when a heading's own text ends in such a suffix.
func (s *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	base := slug(string(value))
	if base == "" {
		// GitHub would give an empty id, which no link can name; goldmark's
		// fallback at least gives the heading an anchor.
		base = "heading"
		if kind != ast.KindHeading {
			base = "id"
		}
	}
	id := base
	for i := s.next[base]; s.used[id]; {
		i++
		id = base + "-" + strconv.Itoa(i)
		s.next[base] = i
	}
	s.used[id] = true
	return []byte(id)
}

// Put records value as used.
func (s *headingIDs) Put(value []byte) {
	s.used[string(value)] = true
}

// slug applies GitHub's rule to a heading's text: lowercase it, drop every
// character that is not a letter, mark, digit, connector ('_'), hyphen or
// space, and turn each space into a hyphen. Runs of hyphens are kept, so
// "Team Lead - Serverless" becomes "team-lead---serverless".
func slug(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strings.ToLower(s) {
		switch {
		case r == ' ' || r == '-':
			b.WriteByte('-')
		case unicode.IsLetter(r), unicode.IsMark(r), unicode.IsDigit(r), unicode.Is(unicode.Pc, r):
			b.WriteRune(r)
		}
	}
	return b.String()
}
