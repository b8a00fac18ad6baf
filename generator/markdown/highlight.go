package markdown

import (
	"bytes"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// highlighter colours fenced code blocks with chroma.
//
// It writes CSS classes, never inline styles: the colours come from the
// stylesheet WriteCSS writes, which switches to a dark style with the
// reader's preference, and a strict Content-Security-Policy can forbid
// inline styles. writeTokens writes them as chroma's formatter would.
//
// It is shared by every Render. That is safe: lexers compile their rules
// once, under a lock, and keep the state of each run in the iterator they
// return.
type highlighter struct {
	// lexers caches the lexer for each language name seen, nil for the
	// unknown ones. A chroma lookup that misses the names and aliases
	// matches the name against every lexer's file patterns, which takes
	// milliseconds: a code block in an unknown language on every page would
	// otherwise dominate the build.
	lexers sync.Map // string → chroma.Lexer
}

func newHighlighter() *highlighter {
	return &highlighter{}
}

// newFormatter returns the chroma formatter the CSS is written with, and
// whose HTML writeTokens writes, so that the two agree on class names. It
// writes the tokens only: the <pre> and <code> around them are written by
// renderFencedCodeBlock, which knows the language, and without line
// wrappers, which only line numbers and highlighted lines would need.
func newFormatter() *chromahtml.Formatter {
	return chromahtml.New(chromahtml.WithClasses(true), chromahtml.PreventSurroundingPre(true))
}

// lexer returns the chroma lexer for a fenced code block's language, or nil
// when there is none or chroma does not know it.
func (h *highlighter) lexer(lang string) chroma.Lexer {
	if lang == "" {
		return nil
	}
	if v, ok := h.lexers.Load(lang); ok {
		l, _ := v.(chroma.Lexer) // nil for an unknown language
		return l
	}
	l := findLexer(lang)
	h.lexers.Store(lang, l)
	return l
}

func findLexer(lang string) chroma.Lexer {
	// Lexer names and aliases are lower case; file extensions ("yml")
	// are matched case-sensitively.
	l := lexers.Get(strings.ToLower(lang))
	if l == nil {
		return nil
	}
	return chroma.Coalesce(patient(l))
}

// renderFencedCodeBlock writes a fenced code block, highlighted when chroma
// knows its language. The language is kept as a class either way, as
// CommonMark suggests, so that scripts (diagrams, say) can find the block.
func (nr *nodeRenderer) renderFencedCodeBlock(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.FencedCodeBlock)
	var code []byte
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		code = append(code, seg.Value(source)...)
	}
	lang := language(n, source)

	if lx := nr.highlighter.lexer(lang); lx != nil {
		if it, err := lx.Tokenise(nil, string(code)); err == nil {
			_, _ = w.WriteString(`<pre class="chroma"><code`)
			writeLanguage(w, lang)
			_ = w.WriteByte('>')
			writeTokens(w, it.Tokens())
			_, _ = w.WriteString("</code></pre>\n")
			return ast.WalkSkipChildren, nil
		}
	}

	_, _ = w.WriteString("<pre><code")
	writeLanguage(w, lang)
	_ = w.WriteByte('>')
	nr.html.RawWrite(w, code)
	_, _ = w.WriteString("</code></pre>\n")
	return ast.WalkSkipChildren, nil
}

// language returns the language of a fenced code block: the first word of
// its info string, with escapes and character references resolved.
//
// It does not call n.Language, which caches its result in the node: a write
// during rendering, which races when one Doc is rendered concurrently.
func language(n *ast.FencedCodeBlock, source []byte) string {
	if n.Info == nil {
		return ""
	}
	info := n.Info.Segment.Value(source)
	if i := bytes.IndexAny(info, " \t"); i >= 0 {
		info = info[:i]
	}
	return resolveDest(info)
}

func writeLanguage(w util.BufWriter, lang string) {
	if lang == "" {
		return
	}
	_, _ = w.WriteString(` class="language-`)
	_, _ = w.Write(util.EscapeHTML([]byte(lang)))
	_ = w.WriteByte('"')
}
