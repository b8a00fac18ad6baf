package generator

import (
	"context"
	"fmt"
	"io"
	"runtime/debug"
	"sync"
	"time"

	"github.com/teamhandbook/handbook/generator/diag"
	"github.com/teamhandbook/handbook/generator/layout"
	"github.com/teamhandbook/handbook/generator/nav"
	"github.com/teamhandbook/handbook/generator/org"
)

// Check runs every validation of Build and writes no site: the same stages,
// so that "handbook check" passes exactly when "handbook build" would.
// Config.Dest is not used.
func Check(ctx context.Context, cfg Config) (rep *Report, err error) {
	start := time.Now()
	rep = &Report{}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error (please report it): %v\n%s", r, debug.Stack())
		}
	}()
	s, err := validate(ctx, cfg, &rep.Diagnostics, needHTML|needText)
	if err != nil {
		return rep, err
	}
	defer s.close()
	rep.Duration = time.Since(start)
	rep.BasePath = s.config.BasePath()
	rep.Pages = len(s.pages)
	if err := settle(rep, cfg.Strict); err != nil {
		return rep, err
	}
	// Build goes on to load the theme and render every page: a site's
	// broken template fails there, so Check renders too, into nothing.
	theme, err := s.theme(cfg)
	if err != nil {
		return rep, err
	}
	if _, err := s.write(ctx, theme, discard{}); err != nil {
		return rep, err
	}
	return rep, ctx.Err()
}

// theme loads the site's templates and assets over the built-in ones.
func (s *site) theme(cfg Config) (*layout.Theme, error) {
	return layout.Load(layout.Sources{
		Templates: cfg.Templates,
		Assets:    cfg.Assets,
		Site:      cfg.Site,
		Extra:     map[string][]byte{"chroma.css": chromaCSS()},
	}, s.config.BasePath(), s.graph)
}

// discard is the output of Check: everything is rendered, nothing written.
type discard struct{}

func (discard) WriteFile(string, []byte) error { return nil }
func (discard) Copy(string, io.Reader) error   { return nil }

// validate runs the stages that read and check the content, appending what
// they find to diags. It returns an error only when the site cannot be read.
// needs says what of the pages' bodies the caller goes on to use.
func validate(ctx context.Context, cfg Config, diags *diag.List, needs bodyNeeds) (*site, error) {
	s, err := load(ctx, cfg, diags, needs)
	if err != nil {
		return nil, err
	}
	s.organise(cfg, diags)
	s.resolveLinks(diags)
	return s, nil
}

// organise runs the stages between loading and link checking: the org
// graph, the navigation, the output checks and the review dates. They read
// front matter, titles and paths, never bodies, so serve's Builder runs
// them too (rebuild.go) and keeps their result while only bodies change.
func (s *site) organise(cfg Config, diags *diag.List) {
	g, d := org.Build(s.pages, s.drafts)
	*diags = append(*diags, d...)
	s.graph = g
	// Before nav.Build: the sidebar links to needs-review only when some
	// page is overdue. s.cache (serve) keeps the tree and the outputs'
	// diagnostics while what they read stays (navcache.go, sitecache.go).
	s.today, s.repoDir = cfg.today(), cfg.RepoDir
	s.history = nil
	if cfg.History != nil {
		s.history = sync.OnceValue(cfg.History)
	}
	s.tree = s.cache.navTree(s.pages, append(append([]*nav.Item{{Title: "Org chart", URL: "/org/"}}, s.growthNav()...), s.reviewNav()...))
	s.cache.checkOutputs(s, diags)
	s.checkReviews(diags)
}

// settle sorts the diagnostics, applies strict mode and returns the error
// that stops a build when any diagnostic is an error.
func settle(rep *Report, strict bool) error {
	rep.Diagnostics.Sort()
	if strict {
		rep.Diagnostics = rep.Diagnostics.Strict()
	}
	if n := rep.Diagnostics.Count(diag.Error); n > 0 {
		return contentError{n}
	}
	return nil
}

// Organisation reads and checks the site like Check and returns its
// organisation, even when the content has errors (references that fail are
// left out of the graph), for comparing two versions of a handbook. It
// returns an error only when the site cannot be read.
func Organisation(ctx context.Context, cfg Config) (g *org.Graph, base string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error (please report it): %v\n%s", r, debug.Stack())
		}
	}()
	var diags diag.List
	s, err := validate(ctx, cfg, &diags, 0)
	if err != nil {
		return nil, "", err
	}
	return s.graph, s.config.BasePath(), nil
}
