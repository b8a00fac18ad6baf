package markdown

import (
	"cmp"
	"slices"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"

	"github.com/teamhandbook/handbook/generator/diag"
)

// Heading is a heading of a Doc. The link checker uses the ids to resolve
// "page.md#id"; Line and Col point at the heading for its diagnostics.
type Heading struct {
	Level int
	ID    string // unique in the Doc, as GitHub makes it
	Text  string // plain text, without markup
	Line  int    // 1-based, within the source given to Parse
	Col   int    // 1-based, in runes
}

// collectHeadings fills d.Headings and d.Title, and sets the id attribute of
// every heading node for rendering.
func (d *Doc) collectHeadings(lines diag.Lines) {
	var nodes []*ast.Heading
	_ = ast.Walk(d.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			nodes = append(nodes, h)
			return ast.WalkSkipChildren, nil // headings do not nest
		}
		if entering && n.Type() == ast.TypeInline {
			return ast.WalkSkipChildren, nil // nor do they hide in inlines
		}
		return ast.WalkContinue, nil
	})
	// The footnote extension moves footnotes to the end of the tree; ids,
	// like the list, follow the source.
	slices.SortStableFunc(nodes, func(a, b *ast.Heading) int { return cmp.Compare(a.Pos(), b.Pos()) })

	ids := newHeadingIDs()
	d.Headings = make([]Heading, 0, len(nodes))
	for _, n := range nodes {
		id := ids.Generate(slugText(n, d.src), ast.KindHeading)
		n.SetAttributeString("id", id)
		line, col := lines.At(n.Pos())
		d.Headings = append(d.Headings, Heading{
			Level: n.Level,
			ID:    string(id),
			Text:  inlineText(n, d.src),
			Line:  line,
			Col:   col,
		})
	}

	if h, ok := d.root.FirstChild().(*ast.Heading); ok && h.Level == 1 {
		if t := inlineText(h, d.src); t != "" {
			d.Title, d.title = t, h
		}
	}
}

// renderHeading writes a heading with its id; h2 to h6 end with a self-link,
// so that a reader can copy a link to the section. The heading text comes
// first, so that it is what screen readers and the browser's outline show.
func (nr *nodeRenderer) renderHeading(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if stateOf(w).skips(node) {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*ast.Heading)
	id, _ := n.AttributeString("id")
	idb, _ := id.([]byte)
	tag := "0123456"[n.Level]
	if entering {
		_, _ = w.WriteString("<h")
		_ = w.WriteByte(tag)
		if idb != nil {
			_, _ = w.WriteString(` id="`)
			_, _ = w.Write(util.EscapeHTML(idb))
			_ = w.WriteByte('"')
		}
		_ = w.WriteByte('>')
		return ast.WalkContinue, nil
	}
	if idb != nil && n.Level >= 2 {
		_, _ = w.WriteString(` <a class="anchor" href="#`)
		_, _ = w.Write(util.EscapeHTML(idb))
		_, _ = w.WriteString(`" aria-label="Link to this section">#</a>`)
	}
	_, _ = w.WriteString("</h")
	_ = w.WriteByte(tag)
	_, _ = w.WriteString(">\n")
	return ast.WalkContinue, nil
}
