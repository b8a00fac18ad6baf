package generator

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"sync"

	"github.com/teamhandbook/handbook/generator/config"
	"github.com/teamhandbook/handbook/generator/diag"
	"github.com/teamhandbook/handbook/generator/markdown"
	"github.com/teamhandbook/handbook/generator/page"
	"github.com/teamhandbook/handbook/generator/source"
	"github.com/teamhandbook/handbook/generator/stash"
)

// load runs the first stages: configuration, source files, front matter and
// Markdown parsing. Pages are parsed in parallel; the result keeps path order.
// Each page's Markdown tree is dropped once what needs asks for is taken
// from it (prepare.go).
func load(ctx context.Context, cfg Config, diags *diag.List, needs bodyNeeds) (_ *site, err error) {
	conf, d, err := config.Load(cfg.Site)
	if err != nil {
		return nil, err
	}
	*diags = append(*diags, d...)
	files, d, err := source.Load(ctx, cfg.Site)
	if err != nil {
		return nil, err
	}
	*diags = append(*diags, d...)

	s := &site{
		fsys:   cfg.Site,
		config: conf,
		md:     markdown.New(markdown.Options{UnsafeHTML: conf.UnsafeHTML}),
		docs:   make(map[*page.Page]*markdown.Doc, len(files.Markdown)),
		static: files.Static,

		ph:       newPlaceholders(),
		prepared: make(map[*page.Page]*preparedBody, len(files.Markdown)),
	}
	if needs&needHTML != 0 {
		// Bodies wait in a stash until they are written (prepare.go),
		// beside the output, where they are headed, rather than in a
		// temporary folder that may be memory (tmpfs). A stash that cannot
		// be made costs memory, nothing else.
		for _, dir := range []string{stashDir(cfg.Dest), ""} {
			if st, err := stash.New(dir); err == nil {
				s.ph.stash = st
				break
			}
		}
	}
	parsed := make([]*page.Page, len(files.Markdown))
	docs := make([]*markdown.Doc, len(files.Markdown))
	prepared := make([]*preparedBody, len(files.Markdown))
	// A site's own templates get each page, and may show its Markdown.
	keepSource := hasTemplates(cfg.Site)
	var mu sync.Mutex
	defer func() {
		if err != nil {
			s.close()
		}
	}()
	err = parallel(ctx, len(files.Markdown), func(i int) error {
		var d diag.List
		parsed[i], docs[i], d = parseFile(s.md, files.Markdown[i])
		// The page and its tree keep what they need of the bytes; the list
		// of files must not keep all of them until every page is parsed.
		files.Markdown[i].Data = nil
		if len(d) > 0 {
			mu.Lock()
			*diags = append(*diags, d...)
			mu.Unlock()
		}
		if parsed[i].Meta.Draft {
			docs[i] = strip(docs[i]) // left out of the site
			return nil
		}
		pb, ok, err := s.ph.prepare(s.md, docs[i], needs)
		if err != nil {
			return fmt.Errorf("render %s: %w", parsed[i].Path, err)
		}
		if ok {
			prepared[i], docs[i] = pb, strip(docs[i])
			if !keepSource {
				parsed[i].Body = nil // the whole file's bytes: nothing reads them now
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for i, p := range parsed {
		if prepared[i] != nil {
			s.prepared[p] = prepared[i]
		}
	}
	s.assemble(parsed, docs, diags)
	return s, nil
}

// parseFile reads a page's front matter and parses its Markdown.
func parseFile(md *markdown.Renderer, f source.File) (*page.Page, *markdown.Doc, diag.List) {
	p, d := page.Parse(f.Path, f.Data)
	doc := md.Parse(p.Body)
	if p.Title == "" {
		p.Title = doc.Title
	}
	// A page whose front matter has errors (a misspelt "titel:") is
	// not told again that it lacks a title.
	if p.Title == "" && d.Count(diag.Error) == 0 {
		d.Rule("title").Errorf(diag.Position{File: p.Path, Line: 1, Col: 1}, "title is required: add title to the front matter, or start the page with a \"# Heading\"")
	}
	return p, doc, d
}

// assemble sorts parsed pages, in path order, into the published pages
// and the drafts, keeping one landing page per folder.
func (s *site) assemble(parsed []*page.Page, docs []*markdown.Doc, diags *diag.List) {
	landings := map[string]*page.Page{} // folder → its landing page
	for i, p := range parsed {
		if p.Landing {
			dir := path.Dir(p.Path)
			if first, ok := landings[dir]; ok {
				diags.Rule("landing").Errorf(diag.Position{File: p.Path}, "%s/ has two landing pages, %s and %s; keep one (%s is left out)",
					dir, path.Base(first.Path), path.Base(p.Path), path.Base(p.Path))
				continue
			}
			landings[dir] = p
		}
		if p.Meta.Draft {
			s.drafts = append(s.drafts, p)
			continue
		}
		s.pages = append(s.pages, p)
		s.docs[p] = docs[i]
	}
}

// hasTemplates reports whether the site has templates of its own.
func hasTemplates(fsys fs.FS) bool {
	entries, err := fs.ReadDir(fsys, "templates")
	return err == nil && len(entries) > 0
}

// stashDir is the folder the output folder is in, or "" (the system's
// temporary folder) when there is none: Check writes no output.
func stashDir(dest string) string {
	if dest == "" {
		return ""
	}
	return filepath.Dir(filepath.Clean(dest))
}

// close lets go of what the site keeps outside memory: the stash of
// prepared bodies. The site's prepared bodies are of no use afterwards.
func (s *site) close() {
	if s.ph.stash != nil {
		_ = s.ph.stash.Close() // unlinked already where the system allows
	}
}
