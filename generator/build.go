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
	"github.com/teamhandbook/handbook/generator/history"
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

	Now func() time.Time // the clock review_by is checked against; time.Now when nil
	// History returns each file's last commit, by site path; nil outside
	// git. Build calls it once, when pages are rendered, so that reading
	// git's log can run while the site loads.
	History func() map[string]history.Change
	RepoDir string // the site folder inside its git repository ("docs/handbook/"), for edit links
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
	s, err := validate(ctx, cfg, &rep.Diagnostics, needHTML|needText) // check.go: shared with Check
	if err != nil {
		return rep, err
	}
	defer s.close()
	if err := settle(rep, cfg.Strict); err != nil {
		rep.Duration = time.Since(start)
		return rep, err
	}
	if err := ctx.Err(); err != nil {
		return rep, err
	}

	theme, err := s.theme(cfg) // check.go: shared with Check
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
	today   time.Time                        // for review_by
	history func() map[string]history.Change
	repoDir string       // Config.RepoDir
	cache   *renderCache // serve's rebuilds only; nil renders everything
	// indexLater leaves the search index out of write: serve builds it
	// after showing the pages (SearchJob), as it takes seconds.
	indexLater bool
	texts      map[*markdown.Doc]docText // serve: bodies' text, kept between rebuilds; nil in Build

	// Build, Check: what load kept of each page's body, whose Doc in
	// docs then has no tree (prepare.go). nil in serve's rebuilds.
	prepared map[*page.Page]*preparedBody
	ph       placeholders
}
