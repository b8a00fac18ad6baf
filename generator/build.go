package generator

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"runtime/debug"
	"time"

	"github.com/teamhandbook/handbook/generator/config"
	"github.com/teamhandbook/handbook/generator/diag"
	"github.com/teamhandbook/handbook/generator/layout"
	"github.com/teamhandbook/handbook/generator/markdown"
	"github.com/teamhandbook/handbook/generator/nav"
	"github.com/teamhandbook/handbook/generator/org"
	"github.com/teamhandbook/handbook/generator/page"
	"github.com/teamhandbook/handbook/generator/publish"
	"github.com/teamhandbook/handbook/generator/source"
)

// Config says what to build and where.
type Config struct {
	Site      fs.FS  // the site root: content/, and optionally templates/, assets/, handbook.yaml
	Templates fs.FS  // the built-in templates
	Assets    fs.FS  // the built-in assets
	Dest      string // the output folder, replaced as a whole on success
	Strict    bool   // treat warnings as errors
}

// Report says what a build found and did.
type Report struct {
	Diagnostics diag.List // sorted; warnings too
	Pages       int       // content pages published
	Files       int       // files written
	BasePath    string    // the URL path the site expects to be served under
	Duration    time.Duration
	Rendered    int  // serve's rebuilds: pages rendered again
	Incremental bool // serve's rebuilds: only page bodies changed
}

// ErrContent matches (errors.Is) the error Build returns when the content
// has errors; the Report lists them.
var ErrContent = errors.New("the handbook has errors")

// contentError says how many errors stopped the build.
type contentError struct{ n int }

func (e contentError) Error() string {
	noun := "errors"
	if e.n == 1 {
		noun = "error"
	}
	return fmt.Sprintf("the handbook has %d %s; nothing was written", e.n, noun)
}

func (e contentError) Is(target error) bool { return target == ErrContent }

// Build runs the pipeline documented in the package comment. It returns a
// Report even when it fails, so that every diagnostic can be shown.
func Build(ctx context.Context, cfg Config) (rep *Report, err error) {
	start := time.Now()
	rep = &Report{}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error (please report it): %v\n%s", r, debug.Stack())
		}
	}()
	s, err := load(ctx, cfg, &rep.Diagnostics)
	if err != nil {
		return rep, err
	}
	g, diags := org.Build(s.pages, s.drafts)
	rep.Diagnostics = append(rep.Diagnostics, diags...)
	s.graph = g
	s.tree = nav.Build(s.pages, &nav.Item{Title: "Org chart", URL: "/org/"})
	s.checkOutputs(&rep.Diagnostics)
	s.resolveLinks(&rep.Diagnostics)

	rep.Diagnostics.Sort()
	if cfg.Strict {
		rep.Diagnostics = rep.Diagnostics.Strict()
	}
	if n := rep.Diagnostics.Count(diag.Error); n > 0 {
		rep.Duration = time.Since(start)
		return rep, contentError{n}
	}
	if err := ctx.Err(); err != nil {
		return rep, err
	}

	theme, err := layout.Load(layout.Sources{
		Templates: cfg.Templates,
		Assets:    cfg.Assets,
		Site:      cfg.Site,
		Extra:     map[string][]byte{"chroma.css": chromaCSS()},
	}, s.config.BasePath(), g)
	if err != nil {
		return rep, fmt.Errorf("%w: %w", ErrContent, err)
	}
	out, err := publish.Begin(cfg.Dest)
	if err != nil {
		return rep, err
	}
	n, err := s.write(ctx, theme, out)
	if err == nil {
		err = ctx.Err() // cancelled while writing: keep the previous site
	}
	if err != nil {
		out.Abort()
		return rep, err
	}
	if err := out.Commit(); err != nil {
		return rep, err
	}
	rep.BasePath = s.config.BasePath()
	rep.Pages = len(s.pages)
	rep.Files = n
	rep.Duration = time.Since(start)
	return rep, nil
}

// site is the state that flows through the stages of one build.
type site struct {
	fsys    fs.FS
	config  config.Site
	md      *markdown.Renderer
	pages   []*page.Page // published, in path order
	drafts  []*page.Page
	docs    map[*page.Page]*markdown.Doc
	static  []source.File
	graph   *org.Graph
	tree    *nav.Tree
	links   map[*page.Page][]*page.Page      // body links, target → sources
	targets map[*page.Page]map[string]string // each page's link destinations → site URLs
	cache   *renderCache                     // serve's rebuilds only; nil renders everything
}
