package generator

import (
	"context"
	"hash/maphash"
	"slices"

	"github.com/teamhandbook/handbook/generator/diag"
	"github.com/teamhandbook/handbook/generator/link"
	"github.com/teamhandbook/handbook/generator/nav"
	"github.com/teamhandbook/handbook/generator/page"
)

// linkCache keeps each page's resolved links between serve's rebuilds. A
// page's links are resolved again when the page changed; when a page's
// headings changed, so are the pages that link to it and every page whose
// links failed (one may now name a heading that exists); when pages,
// folders or files came or went, everything is.
type linkCache struct {
	seed     maphash.Seed
	universe uint64                 // digest of what links may lead to, besides headings
	anchors  map[string]uint64      // page path → digest of its heading ids
	results  map[string]*linkResult // page path → its links
	digests  map[string]uint64      // page path → digest of its links' URLs, for pageKey
	resolver *link.Resolver         // valid while universe, anchors and page pointers are
	tree     *nav.Tree              // the tree pages digests the pages of
	pages    uint64                 // digest of the pages' paths and URLs
}

func newLinkCache(seed maphash.Seed) *linkCache {
	return &linkCache{seed: seed, anchors: map[string]uint64{}, results: map[string]*linkResult{}, digests: map[string]uint64{}}
}

// resolve fills s.links and s.targets, resolving again only what changed.
// touched holds the paths of pages whose source changed. A page at a path
// seen before must be the *page.Page of the previous call (Builder.parse
// sees to it), since the kept resolver indexes pages by pointer.
func (lc *linkCache) resolve(ctx context.Context, s *site, touched map[string]bool, diags *diag.List) error {
	if u := lc.universeOf(s); u != lc.universe {
		lc.universe = u
		clear(lc.results)
		clear(lc.digests)
		lc.resolver = nil
	}
	var changedAnchors []string
	for _, p := range s.pages {
		if !touched[p.Path] && lc.anchors[p.Path] != 0 {
			continue
		}
		if a := lc.anchorsOf(s, p); a != lc.anchors[p.Path] {
			if lc.anchors[p.Path] != 0 {
				changedAnchors = append(changedAnchors, p.Path)
			}
			lc.anchors[p.Path] = a
		}
	}
	var redo []*page.Page
	for _, p := range s.pages {
		r, ok := lc.results[p.Path]
		switch {
		case !ok || touched[p.Path]:
		case len(changedAnchors) > 0 && (len(r.diags) > 0 || slices.ContainsFunc(r.targets, func(t string) bool { return slices.Contains(changedAnchors, t) })):
		default:
			continue
		}
		redo = append(redo, p)
	}
	if len(changedAnchors) > 0 {
		lc.resolver = nil
	}
	if len(redo) > 0 {
		if lc.resolver == nil {
			lc.resolver = s.resolver()
		}
		results := make([]*linkResult, len(redo))
		digests := make([]uint64, len(redo))
		err := parallel(ctx, len(redo), func(i int) error {
			results[i] = resolvePage(lc.resolver, s, redo[i])
			var h maphash.Hash
			h.SetSeed(lc.seed)
			keyWriter{&h}.links(results[i].urls)
			digests[i] = h.Sum64()
			return nil
		})
		if err != nil {
			return err
		}
		for i, p := range redo {
			lc.results[p.Path] = results[i]
			lc.digests[p.Path] = digests[i]
		}
	}
	results := make([]*linkResult, len(s.pages))
	for i, p := range s.pages {
		results[i] = lc.results[p.Path]
	}
	// Every page has its result now: more results than pages means some
	// went.
	if len(lc.results) > len(s.pages) {
		published := make(map[string]bool, len(s.pages))
		for _, p := range s.pages {
			published[p.Path] = true
		}
		for p := range lc.results {
			if !published[p] {
				delete(lc.results, p)
				delete(lc.anchors, p)
				delete(lc.digests, p)
			}
		}
	}
	s.useLinks(results, diags)
	return nil
}

// universeOf digests what a link may lead to, headings aside: the base
// path, every page's path and URL, the drafts and the static files.
func (lc *linkCache) universeOf(s *site) uint64 {
	var h maphash.Hash
	h.SetSeed(lc.seed)
	k := keyWriter{&h}
	k.str(s.config.BasePath())
	// The same tree (navTree keeps it) has the same pages at the same
	// paths and URLs: their digest is kept with it.
	if s.tree != lc.tree {
		var ph maphash.Hash
		ph.SetSeed(lc.seed)
		pk := keyWriter{&ph}
		pk.int(len(s.pages))
		for _, p := range s.pages {
			pk.str(p.Path)
			pk.str(p.URL)
		}
		lc.tree, lc.pages = s.tree, ph.Sum64()
	}
	k.num(lc.pages)
	k.int(len(s.drafts))
	for _, p := range s.drafts {
		k.str(p.Path)
	}
	k.int(len(s.static))
	for _, f := range s.static {
		k.str(f.Path)
	}
	// The generated pages a link may name: onboarding paths come and go
	// with roles' ids and external flags, not with paths.
	urls := s.growthURLs()
	k.int(len(urls))
	for _, u := range urls {
		k.str(u)
	}
	k.links(s.tree.Dirs())
	return h.Sum64() | 1 // never 0, which means "not yet computed"
}

func (lc *linkCache) anchorsOf(s *site, p *page.Page) uint64 {
	var h maphash.Hash
	h.SetSeed(lc.seed)
	k := keyWriter{&h}
	for _, hd := range s.docs[p].Headings {
		k.str(hd.ID)
	}
	return h.Sum64() | 1
}
