package generator

import (
	"slices"

	"github.com/teamhandbook/handbook/generator/diag"
	"github.com/teamhandbook/handbook/generator/nav"
)

// Site-wide results serve keeps between builds when what they are made of
// did not change: a change to one page's reports_to leaves every output
// path and the sitemap as they were.

// siteState is what checkOutputs and sitemap found in serve's last build.
type siteState struct {
	outputs      uint64 // digest of what checkOutputs read; 0 before the first
	outputsDiags diag.List

	sitemapTree *nav.Tree // the tree the sitemap lists the pages of
	sitemapKey  uint64    // digest of the rest of what it read
	sitemap     []byte
}

// checkOutputs runs s.checkOutputs, or, in serve, returns what it found
// the last time when the output paths it reads are the same.
func (c *renderCache) checkOutputs(s *site, diags *diag.List) {
	if c == nil {
		s.checkOutputs(diags)
		return
	}
	d := c.outputsDigest(s)
	if d != c.site.outputs {
		var found diag.List
		s.checkOutputs(&found)
		c.site.outputs, c.site.outputsDiags = d, found
	}
	*diags = append(*diags, c.site.outputsDiags...)
}

// outputsDigest digests what checkOutputs reads: the generated pages,
// the folder indexes, each page's path, URL and aliases, the static files.
func (c *renderCache) outputsDigest(s *site) uint64 {
	k := c.key()
	growth := s.growthPages()
	k.int(len(growth))
	for _, g := range growth {
		k.str(g.url)
		k.str(g.what)
	}
	secs := s.tree.Sections()
	k.int(len(secs))
	for _, sec := range secs {
		k.str(sec.Dir)
		k.str(sec.URL)
		k.bool(sec.Landing == nil)
	}
	k.int(len(s.pages))
	for _, p := range s.pages {
		k.num(c.shape(p)) // path, URL, aliases and more
	}
	k.int(len(s.static))
	for _, f := range s.static {
		k.str(f.Path)
	}
	return k.sum() | 1 // never 0, "not yet"
}

// sitemap returns s.sitemap(), or, in serve, the last one when the pages
// and folders (the navigation tree is the same one: navTree), the
// generated pages and the base URL are the same.
func (c *renderCache) sitemap(s *site) []byte {
	if c == nil {
		return s.sitemap()
	}
	k := c.key()
	k.str(s.config.BaseURL)
	k.str(s.config.BasePath())
	urls := s.growthURLs()
	k.int(len(urls))
	for _, u := range urls {
		k.str(u)
	}
	key := k.sum()
	if c.site.sitemap == nil || c.site.sitemapTree != s.tree || c.site.sitemapKey != key {
		c.site.sitemap = s.sitemap()
		c.site.sitemapTree, c.site.sitemapKey = s.tree, key
	}
	return slices.Clip(c.site.sitemap)
}
