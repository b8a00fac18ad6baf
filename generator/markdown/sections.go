package markdown

import (
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// Section is the part of a document under a level-2 or level-3 heading, up
// to the next such heading, as plain text: the unit the search index
// links to with "#ID".
type Section struct {
	Level int
	ID    string
	Title string
	Text  string
}

// Sections returns the text before the first level-2 or level-3 heading
// and the sections after it. Deeper headings stay in their section's text;
// the leading heading that became d.Title is left out, as in Text.
func (d *Doc) Sections() (intro string, sections []Section) {
	// One walker and one buffer for all sections, sized for the whole
	// text at once: the text is never longer than the escaped source by
	// much, and a buffer grown anew for every section was most of what
	// the search index's text extraction allocated.
	cur := &textWalker{src: d.src, softBreak: " ", alt: true}
	cur.buf.Grow(len(d.src))
	var title string
	var level int
	var id string
	flush := func() {
		text := strings.TrimSpace(html.UnescapeString(cur.buf.String()))
		if level == 0 {
			intro = text
		} else {
			sections = append(sections, Section{Level: level, ID: id, Title: title, Text: text})
		}
		cur.buf.Reset()
		cur.sep = sepNone
	}
	for n := d.root.FirstChild(); n != nil; n = n.NextSibling() {
		if n == d.title {
			continue
		}
		if h, ok := n.(*ast.Heading); ok && (h.Level == 2 || h.Level == 3) {
			flush()
			level, title = h.Level, inlineText(h, d.src)
			id = ""
			if v, ok := h.AttributeString("id"); ok {
				if b, ok := v.([]byte); ok {
					id = string(b)
				}
			}
			continue
		}
		cur.sep = max(cur.sep, sepBlank)
		_ = ast.Walk(n, cur.walk)
	}
	flush()
	return intro, sections
}
