package markdown

import (
	"bytes"
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	ghtml "github.com/yuin/goldmark/renderer/html"
)

// Text returns the plain text of d, without markup, for the search index and
// for summaries. Blocks are separated by a blank line, list items and table
// rows by a newline, table cells by a space. The leading heading that became
// d.Title is left out, as Render leaves it out; raw HTML, task list boxes and
// footnote markers are left out too, while code is kept.
func (d *Doc) Text() string {
	t := textWalker{src: d.src, softBreak: " ", alt: true}
	if d.Title != "" && d.title != nil {
		t.skip = d.title
	}
	_ = ast.Walk(d.root, t.walk)
	return strings.TrimSpace(html.UnescapeString(t.buf.String()))
}

// inlineText returns the plain text of the inline content of n: the text of
// a heading, for Heading.Text and Doc.Title.
func inlineText(n ast.Node, src []byte) string {
	t := textWalker{src: src, softBreak: " ", alt: true}
	t.children(n)
	return strings.TrimSpace(html.UnescapeString(t.buf.String()))
}

// slugText returns the text of a heading as GitHub slugs it: the text
// content of the rendered heading, in which a line break is a newline (which
// the slug drops) and an image has no text.
func slugText(n ast.Node, src []byte) []byte {
	t := textWalker{src: src, softBreak: "\n"}
	t.children(n)
	return []byte(html.UnescapeString(t.buf.String()))
}

// escapedText returns the text of the inline content of n as HTML-escaped
// text, ready for an attribute value: the alt text of an image.
func escapedText(n ast.Node, src []byte) []byte {
	t := textWalker{src: src, softBreak: " ", alt: true}
	t.children(n)
	return t.buf.Bytes()
}

// textWalker collects the text of a tree.
//
// It collects it HTML-escaped, through goldmark's html.Writer, because that
// is where goldmark resolves backslash escapes and character references
// exactly as its HTML renderer does; one html.UnescapeString at the end then
// gives the plain text. Separators between blocks are added lazily, so that
// the result neither starts nor ends with one and empty blocks add nothing.
type textWalker struct {
	src       []byte
	buf       bytes.Buffer
	softBreak string   // what a line break inside a paragraph becomes
	alt       bool     // whether an image contributes its alt text
	skip      ast.Node // a node left out
	sep       sep      // the separator owed before the next text
}

// sep is a separator between pieces of text, from weakest to strongest.
type sep int

const (
	sepNone sep = iota
	sepSpace
	sepLine
	sepBlank
)

var sepText = [...]string{"", " ", "\n", "\n\n"}

// textWriter is goldmark's escaping writer; it has no state.
var textWriter = ghtml.NewWriter()

func (t *textWalker) children(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		_ = ast.Walk(c, t.walk)
	}
}

// out returns the buffer to write text to, after writing the separator owed
// to the text before it.
func (t *textWalker) out() textBuffer {
	if t.buf.Len() > 0 {
		t.buf.WriteString(sepText[t.sep])
	}
	t.sep = sepNone
	return textBuffer{&t.buf}
}

// blockSep returns the separator that a block of kind n owes before it.
func blockSep(n ast.Node) sep {
	switch n.(type) {
	case *ast.List:
		if _, nested := n.Parent().(*ast.ListItem); nested {
			return sepLine
		}
	case *east.TableCell:
		return sepSpace
	case *ast.ListItem, *ast.TextBlock, *east.TableRow, *east.TableHeader:
		return sepLine
	}
	return sepBlank
}

func (t *textWalker) walk(n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	if n == t.skip {
		return ast.WalkSkipChildren, nil
	}
	switch n := n.(type) {
	case *ast.Text:
		value := n.Segment.Value(t.src)
		if n.IsRaw() {
			// Code span content: a line ending inside it is a space.
			if l := len(value); l > 0 && value[l-1] == '\n' {
				value = append(value[:l-1:l-1], ' ')
			}
			if len(value) > 0 {
				textWriter.RawWrite(t.out(), value)
			}
			break
		}
		if len(value) > 0 {
			textWriter.Write(t.out(), value)
		}
		if n.HardLineBreak() {
			t.sep = max(t.sep, sepLine)
		} else if n.SoftLineBreak() {
			t.out().WriteString(t.softBreak)
		}
	case *ast.String:
		switch {
		case len(n.Value) == 0:
		case n.IsCode():
			t.out().Write(n.Value) // already HTML
		case n.IsRaw():
			textWriter.RawWrite(t.out(), n.Value)
		default:
			textWriter.Write(t.out(), n.Value)
		}
	case *ast.AutoLink:
		textWriter.RawWrite(t.out(), n.Label(t.src))
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		t.sep = max(t.sep, sepBlank)
		var code []byte
		lines := n.Lines()
		for i := range lines.Len() {
			seg := lines.At(i)
			code = append(code, seg.Value(t.src)...)
		}
		if code = bytes.TrimRight(code, "\n"); len(code) > 0 {
			textWriter.RawWrite(t.out(), code)
		}
	case *ast.Image:
		if !t.alt {
			return ast.WalkSkipChildren, nil
		}
	case *ast.HTMLBlock, *ast.RawHTML, *east.TaskCheckBox, *east.FootnoteLink, *east.FootnoteBacklink:
		return ast.WalkSkipChildren, nil
	default:
		if n.Type() == ast.TypeBlock {
			t.sep = max(t.sep, blockSep(n))
		}
	}
	return ast.WalkContinue, nil
}

// textBuffer is a bytes.Buffer that satisfies util.BufWriter, which
// goldmark's html.Writer writes to; it has nothing to flush.
type textBuffer struct {
	*bytes.Buffer
}

func (b textBuffer) Buffered() int { return b.Len() }
func (b textBuffer) Flush() error  { return nil }
