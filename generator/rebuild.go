package generator

import (
	"context"
	"fmt"
	"maps"
	"runtime/debug"
	"slices"

	"github.com/teamhandbook/handbook/generator/diag"
	"github.com/teamhandbook/handbook/generator/layout"
	"github.com/teamhandbook/handbook/generator/markdown"
	"github.com/teamhandbook/handbook/generator/page"
	"github.com/teamhandbook/handbook/generator/source"
)

// rebuildAll runs every site-wide stage again; rendering skips the views
// whose inputs did not change.
func (b *Builder) rebuildAll(ctx context.Context, touched map[string]bool, rep *Report) (*Snapshot, error) {
	s := &site{
		fsys:   b.cfg.Site,
		config: b.conf,
		md:     b.md,
		docs:   make(map[*page.Page]*markdown.Doc, len(b.files)),
		cache:  b.cache,

		indexLater: true,
	}
	for _, p := range slices.Sorted(maps.Keys(b.static)) {
		s.static = append(s.static, source.File{Path: p})
	}
	paths := slices.Sorted(maps.Keys(b.files))
	parsed := make([]*page.Page, len(paths))
	docs := make([]*markdown.Doc, len(paths))
	for i, p := range paths {
		parsed[i], docs[i] = b.files[p].page, b.files[p].doc
	}
	// Before organise: its kept parts (navcache.go) compare pages' sources.
	b.cache.pages = make(map[*page.Page]uint64, len(b.files))
	for _, f := range b.files {
		b.cache.pages[f.page] = f.hash
	}
	var structural diag.List
	s.assemble(parsed, docs, &structural)
	s.organise(b.cfg, &structural) // check.go: the stages Build runs
	// The theme reads the graph and the configuration, which links do not
	// change: it loads on the other core while links are resolved.
	var theme *layout.Theme
	themed := make(chan error, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				themed <- fmt.Errorf("internal error (please report it): %v\n%s", r, debug.Stack())
			}
		}()
		var err error
		theme, err = s.theme(b.cfg)
		themed <- err
	}()
	var linkDiags diag.List
	err := b.links.resolve(ctx, s, touched, &linkDiags)
	themeErr := <-themed
	if err != nil {
		return nil, err
	}
	if err := b.report(rep, s, structural, linkDiags); err != nil {
		return nil, err
	}
	b.cache.state.links = b.links.digests
	if themeErr != nil {
		return nil, fmt.Errorf("%w: %w", ErrContent, themeErr)
	}
	out := newMemory(nil)
	views, reused, err := b.reusePages(ctx, s, theme, out)
	if err != nil {
		return nil, err
	}
	if err := s.render(ctx, theme, jobsOf(views), out); err != nil {
		return nil, err
	}
	if _, err := s.writeRest(ctx, theme, out, 0); err != nil {
		return nil, err
	}
	b.keepIndex(out)
	b.forget(s, out.files, len(views)+reused)
	b.last = &lastBuild{site: s, theme: theme, structural: structural}
	return &Snapshot{BasePath: s.config.BasePath(), files: out.files}, nil
}

// rebuildBodies is the rebuild after changes to page bodies only: the
// previous build's pages are updated in place, so that its org graph,
// navigation and theme stay valid, and only the changed pages and those
// whose backlinks changed are rendered.
func (b *Builder) rebuildBodies(ctx context.Context, touched map[string]bool, rep *Report) (*Snapshot, error) {
	last := b.last
	s := last.site
	for p := range touched {
		f := b.files[p] // its page is the one the last build had; see parse
		if _, ok := s.docs[f.page]; ok {
			s.docs[f.page] = f.doc
		}
		b.cache.pages[f.page] = f.hash
	}
	before := maps.Clone(b.links.results)
	var linkDiags diag.List
	if err := b.links.resolve(ctx, s, touched, &linkDiags); err != nil {
		return nil, err
	}
	if err := b.report(rep, s, last.structural, linkDiags); err != nil {
		return nil, err
	}
	dirty := map[string]bool{}
	for p, r := range b.links.results {
		o := before[p]
		if o == r {
			continue
		}
		if touched[p] {
			dirty[p] = true
		}
		var was []string
		if o != nil {
			was = o.targets
		}
		for _, t := range r.targets {
			if !slices.Contains(was, t) {
				dirty[t] = true
			}
		}
		for _, t := range was {
			if !slices.Contains(r.targets, t) {
				dirty[t] = true
			}
		}
	}
	b.cache.state.links = b.links.digests
	var views []*layout.View
	var pages []*page.Page
	for _, p := range s.pages {
		if dirty[p.Path] {
			views = append(views, s.pageView(p))
			pages = append(pages, p)
		}
	}
	if err := b.cache.prepare(s, last.theme, pages); err != nil {
		return nil, err
	}
	out := newMemory(b.snap)
	if err := s.render(ctx, last.theme, jobsOf(views), out); err != nil {
		return nil, err
	}
	if _, err := s.siteWide(ctx, last.theme, out); err != nil {
		return nil, err
	}
	return &Snapshot{BasePath: s.config.BasePath(), files: out.files}, nil
}

// report gathers the diagnostics of a rebuild into rep and returns the
// error Build returns when there are errors among them.
func (b *Builder) report(rep *Report, s *site, structural, links diag.List) error {
	all := slices.Clone(b.confDiag)
	for _, d := range b.srcDiags {
		all = append(all, d...)
	}
	for _, f := range b.files {
		all = append(all, f.diags...)
	}
	all = append(all, structural...)
	all = append(all, links...)
	all.Sort()
	if b.cfg.Strict {
		all = all.Strict()
	}
	rep.Diagnostics = all
	rep.BasePath = s.config.BasePath()
	rep.Pages = len(s.pages)
	if n := all.Count(diag.Error); n > 0 {
		return contentError{n}
	}
	return nil
}

// forget drops cached renders of pages the site no longer has. Every one
// of this build's views has its render kept, and every page its body, so
// when there are no more of either than that, nothing went.
func (b *Builder) forget(s *site, files map[string][]byte, views int) {
	c := b.cache
	if len(c.views) == views && len(c.bodies) == len(s.pages) && len(c.sidebars) <= len(files)+64 {
		return
	}
	paths := make(map[string]bool, len(s.pages))
	for _, p := range s.pages {
		paths[p.Path] = true
	}
	b.cache.forget(files, paths)
}
