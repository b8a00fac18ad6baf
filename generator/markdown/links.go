package markdown

import (
	"bytes"
	"cmp"
	"slices"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"github.com/teamhandbook/handbook/generator/diag"
)

// Link is a link or image of a Doc whose destination the link checker
// validates and Render's rewrite function maps.
type Link struct {
	// Dest is the destination as the reader means it: backslash escapes and
	// character references are resolved ("a\_b.md" is "a_b.md"), percent
	// escapes are kept.
	Dest string
	// Line and Col are the 1-based position of the '[' (of the '!' for an
	// image) within the source given to Parse; Col counts runes.
	Line, Col int
	Image     bool
}

// collectLinks fills d.Links, in the order of the source.
func (d *Doc) collectLinks(lines diag.Lines) {
	type found struct {
		off  int
		link Link
	}
	var all []found
	_ = ast.Walk(d.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var dest []byte
		var image bool
		switch n := n.(type) {
		case *ast.Link:
			dest = n.Destination
		case *ast.Image:
			dest, image = n.Destination, true
		default:
			return ast.WalkContinue, nil
		}
		if len(dest) == 0 {
			return ast.WalkContinue, nil
		}
		off := linkStart(n, d.src)
		line, col := lines.At(off)
		all = append(all, found{off, Link{Dest: resolveDest(dest), Line: line, Col: col, Image: image}})
		return ast.WalkContinue, nil
	})
	// Footnotes are moved to the end of the tree by the footnote extension;
	// diagnostics read best in the order of the source.
	slices.SortStableFunc(all, func(a, b found) int { return cmp.Compare(a.off, b.off) })
	d.Links = make([]Link, len(all))
	for i, f := range all {
		d.Links[i] = f.link
	}
}

// linkStart returns the byte offset of the '[' that opens link or image n
// (the '!' for an image), or -1 when it cannot be found.
//
// goldmark (v1.8) records it as the node's position. For a node that
// has none, or one that does not point at the opening bracket, it is found
// from the first text inside the brackets: the '[' is the last one before
// it, since a '[' inside the text would have opened a nested link.
func linkStart(n ast.Node, src []byte) int {
	_, image := n.(*ast.Image)
	if p := n.Pos(); p >= 0 && opens(src, p, image) {
		return p
	}
	t := firstText(n)
	if t == nil {
		return -1
	}
	p := bytes.LastIndexByte(src[:t.Segment.Start], '[')
	if image {
		p--
	}
	if p < 0 || !opens(src, p, image) {
		return -1
	}
	return p
}

// opens reports whether src holds the opening of a link ("[") or an image
// ("![") at p.
func opens(src []byte, p int, image bool) bool {
	if image {
		return p+1 < len(src) && src[p] == '!' && src[p+1] == '['
	}
	return p < len(src) && src[p] == '['
}

// firstText returns the first text node under n, in document order.
func firstText(n ast.Node) *ast.Text {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			return t
		}
		if t := firstText(c); t != nil {
			return t
		}
	}
	return nil
}

// resolveDest resolves backslash escapes and character references in a
// destination as written, the same way goldmark does before rendering it.
func resolveDest(dest []byte) string {
	return string(util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(dest))))
}

// writeDest writes the destination of a link or image as an attribute
// value: rewritten, percent-escaped where URLs need it, and left empty if
// its scheme could run code. goldmark's own renderer lets such URLs through
// in unsafe mode; here UnsafeHTML concerns raw HTML only, and a Markdown
// link never becomes "javascript:".
func writeDest(w util.BufWriter, dest []byte) {
	dest = []byte(stateOf(w).dest(resolveDest(dest)))
	dest = util.URLEscape(dest, false)
	if !html.IsDangerousURL(dest) {
		_, _ = w.Write(util.EscapeHTML(dest))
	}
}

func (nr *nodeRenderer) renderLink(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	if !entering {
		_, _ = w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<a href="`)
	writeDest(w, n.Destination)
	_ = w.WriteByte('"')
	if n.Title != nil {
		_, _ = w.WriteString(` title="`)
		nr.html.Write(w, n.Title)
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}

func (nr *nodeRenderer) renderImage(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Image)
	_, _ = w.WriteString(`<img src="`)
	writeDest(w, n.Destination)
	_, _ = w.WriteString(`" alt="`)
	_, _ = w.Write(escapedText(n, source))
	_ = w.WriteByte('"')
	if n.Title != nil {
		_, _ = w.WriteString(` title="`)
		nr.html.Write(w, n.Title)
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	return ast.WalkSkipChildren, nil
}
