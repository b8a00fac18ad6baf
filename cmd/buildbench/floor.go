package main

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// floorCommand is the hidden first argument that makes buildbench, run
// again as a child, convert a content folder instead of benchmarking: the
// floor is measured in its own process, like the two tools.
const floorCommand = "-floor-convert"

// floorStats is what a conversion did, printed by the child so that the
// parent can check it converted the whole handbook.
type floorStats struct{ files, bytes, blocks int }

// convertAll is the floor the CPU target is measured against: what any
// generator built on goldmark and chroma must do at least. It reads every
// .md file under dir, skips its front matter, parses the body with
// goldmark (with the GitHub extensions and footnotes, as handbook and Hugo
// use), renders it to HTML with fenced code highlighted by chroma's HTML
// formatter, as Hugo does, and discards the HTML. It uses every CPU, one
// goldmark per worker, and lexers looked up once per language.
func convertAll(dir string) (floorStats, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			paths = append(paths, p)
		}
		return err
	})
	if err != nil {
		return floorStats{}, err
	}
	formatter := chromahtml.New(chromahtml.WithClasses(true))
	style := styles.Get("github")
	var lexerCache sync.Map
	jobs := make(chan string)
	results := make(chan floorStats)
	errs := make(chan error, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			hl := &highlighter{formatter: formatter, style: style, lexers: &lexerCache}
			md := goldmark.New(
				goldmark.WithExtensions(extension.GFM, extension.Footnote),
				goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(hl, 100))),
			)
			var st floorStats
			var out bytes.Buffer
			for p := range jobs {
				src, err := os.ReadFile(p)
				if err != nil {
					errs <- err
					continue
				}
				body := skipFrontMatter(src)
				out.Reset()
				doc := md.Parser().Parse(text.NewReader(body))
				if err := md.Renderer().Render(&out, body, doc); err != nil {
					errs <- fmt.Errorf("%s: %w", p, err)
					continue
				}
				st.files++
				st.bytes += len(src)
			}
			st.blocks = hl.blocks
			results <- st
		})
	}
	go func() {
		for _, p := range paths {
			jobs <- p
		}
		close(jobs)
		wg.Wait()
		close(results)
	}()
	var total floorStats
	for st := range results {
		total.files += st.files
		total.bytes += st.bytes
		total.blocks += st.blocks
	}
	select {
	case err := <-errs:
		return total, err
	default:
	}
	return total, nil
}

// skipFrontMatter returns src after its "---" front matter, if any.
func skipFrontMatter(src []byte) []byte {
	if !bytes.HasPrefix(src, []byte("---\n")) {
		return src
	}
	if i := bytes.Index(src[4:], []byte("\n---\n")); i >= 0 {
		return src[4+i+5:]
	}
	return src
}

// highlighter renders fenced code blocks with chroma; one per worker.
type highlighter struct {
	formatter *chromahtml.Formatter
	style     *chroma.Style
	lexers    *sync.Map // language → chroma.Lexer, nil when unknown
	blocks    int
}

func (h *highlighter) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, h.render)
}

func (h *highlighter) render(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.FencedCodeBlock)
	var code bytes.Buffer
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		code.Write(seg.Value(src))
	}
	lang := string(n.Language(src))
	v, ok := h.lexers.Load(lang)
	if !ok {
		var l chroma.Lexer
		if found := lexers.Get(lang); found != nil {
			l = chroma.Coalesce(found)
		}
		v, _ = h.lexers.LoadOrStore(lang, l)
	}
	lexer, _ := v.(chroma.Lexer)
	if lexer == nil {
		_, _ = w.WriteString("<pre><code>")
		_, _ = w.Write(util.EscapeHTML(code.Bytes()))
		_, _ = w.WriteString("</code></pre>\n")
		return ast.WalkSkipChildren, nil
	}
	it, err := lexer.Tokenise(nil, code.String())
	if err != nil {
		return ast.WalkStop, err
	}
	h.blocks++
	return ast.WalkSkipChildren, h.formatter.Format(w, h.style, it)
}

// runFloor is the child's main: convert dir and print the stats.
func runFloor(dir string, stdout io.Writer) error {
	st, err := convertAll(dir)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(stdout, "%d files %d bytes %d blocks\n", st.files, st.bytes, st.blocks)
	return err
}
