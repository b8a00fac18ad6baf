package generator

import (
	"context"
	"fmt"
	"hash/maphash"
	"io/fs"
	"maps"
	"path"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/teamhandbook/handbook/generator/config"
	"github.com/teamhandbook/handbook/generator/diag"
	"github.com/teamhandbook/handbook/generator/layout"
	"github.com/teamhandbook/handbook/generator/markdown"
	"github.com/teamhandbook/handbook/generator/page"
	"github.com/teamhandbook/handbook/generator/source"
)

// Builder builds a site again and again, as `handbook serve` does, into
// memory. It keeps what the previous build read, parsed, resolved and
// rendered, and redoes only what the changed files affect, so that its
// result is always the one Build would write:
//
//   - A changed Markdown file is read and parsed again; nothing else is.
//   - When only page bodies changed (front matter and titles as before),
//     the org graph, navigation and output checks are kept, and only the
//     changed pages and the pages whose "Referenced by" lists changed are
//     rendered again.
//   - Otherwise every site-wide stage runs again, and each page is
//     rendered only if a digest of what its template reads (cache.go,
//     viewkey.go) differs from the last time. Content pages are digested
//     without making their views (pagekey.go), and the navigation tree,
//     the output checks and the sitemap are kept while what they read is
//     the same (navcache.go, sitecache.go): a reports_to change redoes the
//     org graph and digests, and renders only the pages that show it.
//   - A change to templates/, assets/ or handbook.yaml renders everything.
//
// A Builder is not safe for concurrent use: one goroutine calls Build.
type Builder struct {
	cfg      Config
	seed     maphash.Seed
	loaded   bool
	files    map[string]*srcFile  // Markdown under content/, by path
	static   map[string]bool      // other files under content/
	srcDiags map[string]diag.List // the source stage's diagnostics, by file
	conf     config.Site
	confDiag diag.List
	md       *markdown.Renderer
	cache    *renderCache
	links    *linkCache
	last     *lastBuild // the previous build when it succeeded
	snap     *Snapshot
	index    map[string]bool // the search index's files in snap
	indexed  uint64          // the build whose search index snap has
	texts    map[*markdown.Doc]docText
	builds   uint64
}

// srcFile is one Markdown file as last read and parsed.
type srcFile struct {
	hash  uint64
	meta  uint64 // digest of the front matter and the title
	page  *page.Page
	doc   *markdown.Doc
	diags diag.List
}

// lastBuild is the state a body-only rebuild starts from.
type lastBuild struct {
	site       *site
	theme      *layout.Theme
	structural diag.List // diagnostics of the site-wide stages, links aside
}

// NewBuilder returns a Builder for cfg; cfg.Dest is not used.
func NewBuilder(cfg Config) *Builder {
	seed := maphash.MakeSeed()
	return &Builder{
		cfg:      cfg,
		seed:     seed,
		files:    map[string]*srcFile{},
		static:   map[string]bool{},
		srcDiags: map[string]diag.List{},
		cache:    newRenderCache(),
		links:    newLinkCache(seed),
	}
}

// Build brings the site up to date after the files at changed (slash paths
// from the site root: "content/roles/x.md", "templates", "handbook.yaml")
// were written, created or removed; a folder stands for everything in it.
// nil means unknown: everything is read again. On success it returns the
// new Snapshot; on failure, the Report says why, and the previous Snapshot
// is still the latest good one.
func (b *Builder) Build(ctx context.Context, changed []string) (snap *Snapshot, rep *Report, err error) {
	start := time.Now()
	rep = &Report{}
	defer func() {
		if r := recover(); r != nil {
			b.last = nil
			err = fmt.Errorf("internal error (please report it): %v\n%s", r, debug.Stack())
		}
		rep.Duration = time.Since(start)
	}()
	themeChanged, touched, old, staticChanged, err := b.read(ctx, changed)
	if err != nil {
		b.last = nil
		return nil, rep, err
	}
	b.cache.sources = 0
	if custom := b.customTemplates(); custom {
		b.cache.sources = b.sourcesDigest()
	}
	// A new day may put pages past their review date: that is not a body
	// change, so it rebuilds everything.
	fast := b.last != nil && !themeChanged && !staticChanged && sameStructure(b.files, old, touched) &&
		b.last.site.today.Equal(b.cfg.today())
	if fast {
		snap, err = b.rebuildBodies(ctx, touched, rep)
	} else {
		snap, err = b.rebuildAll(ctx, touched, rep)
	}
	if err != nil {
		b.last = nil
		return nil, rep, err
	}
	b.builds++
	snap.ID = b.builds
	b.snap = snap
	rep.Files = snap.Len()
	rep.Rendered = int(b.cache.renders.Swap(0))
	rep.Incremental = fast
	return snap, rep, nil
}

// read brings the files, the configuration and the theme digest up to
// date. touched holds the Markdown paths whose content changed, came or went.
func (b *Builder) read(ctx context.Context, changed []string) (themeChanged bool, touched map[string]bool, old map[string]*srcFile, staticChanged bool, err error) {
	full := !b.loaded || changed == nil
	themeChanged = full
	var paths []string
	for _, p := range changed {
		p = path.Clean(strings.TrimPrefix(p, "./"))
		switch {
		case p == "." || p == source.ContentDir:
			full = true
		case strings.HasPrefix(p, source.ContentDir+"/"):
			paths = append(paths, p)
		case p == config.File || p == "templates" || p == "assets" ||
			strings.HasPrefix(p, "templates/") || strings.HasPrefix(p, "assets/"):
			themeChanged = true
		}
	}
	if themeChanged {
		conf, d, err := config.Load(b.cfg.Site)
		if err != nil {
			return false, nil, nil, false, err
		}
		if b.md == nil || conf.UnsafeHTML != b.conf.UnsafeHTML {
			b.md = markdown.New(markdown.Options{UnsafeHTML: conf.UnsafeHTML})
		}
		b.conf, b.confDiag = conf, d
		b.cache.base, err = b.themeDigest()
		if err != nil {
			return false, nil, nil, false, err
		}
	}
	touched = map[string]bool{}
	var files source.Files
	if full {
		var d diag.List
		files, d, err = source.Load(ctx, b.cfg.Site)
		if err != nil {
			return false, nil, nil, false, err
		}
		old = b.files
		for p := range old {
			touched[p] = true // until found unchanged below
		}
		b.files = make(map[string]*srcFile, len(old))
		staticChanged = true
		clear(b.static)
		clear(b.srcDiags)
		b.addDiags(d)
		b.loaded = true
		b.keep(files, touched, old)
		return themeChanged, touched, old, staticChanged, b.parse(ctx, touched, old)
	}
	old = map[string]*srcFile{}
	for _, p := range paths {
		under := func(q string) bool { return q == p || strings.HasPrefix(q, p+"/") }
		for q, f := range b.files {
			if under(q) {
				old[q] = f
				touched[q] = true
				delete(b.files, q)
			}
		}
		for q := range b.static {
			if under(q) {
				staticChanged = true
				delete(b.static, q)
			}
		}
		for q := range b.srcDiags {
			if under(q) {
				delete(b.srcDiags, q)
			}
		}
		f, d, err := source.LoadPath(ctx, b.cfg.Site, p)
		if err != nil {
			return false, nil, nil, false, err
		}
		b.addDiags(d)
		files.Markdown = append(files.Markdown, f.Markdown...)
		files.Static = append(files.Static, f.Static...)
	}
	b.keep(files, touched, old)
	if len(files.Static) > 0 {
		staticChanged = true
	}
	return themeChanged, touched, old, staticChanged, b.parse(ctx, touched, old)
}

func (b *Builder) addDiags(d diag.List) {
	for _, x := range d {
		b.srcDiags[x.Pos.File] = append(b.srcDiags[x.Pos.File], x)
	}
}

// keep records files, reusing the parse of a file whose bytes are those
// of old; a file that did not change is taken out of touched.
func (b *Builder) keep(files source.Files, touched map[string]bool, old map[string]*srcFile) {
	for _, f := range files.Static {
		b.static[f.Path] = true
	}
	for _, f := range files.Markdown {
		h := maphash.Bytes(b.seed, f.Data)
		if o, ok := old[f.Path]; ok && o.hash == h {
			b.files[f.Path] = o
			delete(touched, f.Path)
			continue
		}
		b.files[f.Path] = &srcFile{hash: h, doc: nil, page: &page.Page{Path: f.Path, Body: f.Data}}
		touched[f.Path] = true
	}
}

// parse parses the touched files that exist, in parallel. Until then, a
// new srcFile's page holds the file's bytes in Body.
//
// A page that was there before keeps its *page.Page, updated in place: the
// previous build's graph, navigation and link index hold that pointer, and
// a body-only rebuild uses them as they are.
func (b *Builder) parse(ctx context.Context, touched map[string]bool, old map[string]*srcFile) error {
	var todo []*srcFile
	for p := range touched {
		if f, ok := b.files[p]; ok && f.doc == nil {
			todo = append(todo, f)
		}
	}
	defer func() {
		for _, f := range todo {
			if o, ok := old[f.page.Path]; ok && f.page != nil && o.page != f.page {
				*o.page = *f.page
				f.page = o.page
			}
		}
	}()
	return parallel(ctx, len(todo), func(i int) error {
		f := todo[i]
		data := f.page.Body
		f.page, f.doc, f.diags = parseFile(b.md, source.File{Path: f.page.Path, Data: data})
		front := data[:len(data)-len(f.page.Body)]
		var h maphash.Hash
		h.SetSeed(b.seed)
		k := keyWriter{&h}
		k.str(string(front))
		k.str(f.page.Title)
		f.meta = h.Sum64()
		return nil
	})
}

// sameStructure reports whether only page bodies changed since the last
// build: no page came or went, and every changed page kept its front
// matter and title.
func sameStructure(files, old map[string]*srcFile, touched map[string]bool) bool {
	for p := range touched {
		f, ok := files[p]
		o, had := old[p]
		if !ok || !had || o.meta != f.meta {
			return false
		}
	}
	return true
}

// customTemplates reports whether the site has templates of its own.
func (b *Builder) customTemplates() bool {
	entries, err := fs.ReadDir(b.cfg.Site, "templates")
	return err == nil && len(entries) > 0
}

// sourcesDigest digests every content file, for sites whose templates may
// read anything.
func (b *Builder) sourcesDigest() uint64 {
	var h maphash.Hash
	h.SetSeed(b.seed)
	k := keyWriter{&h}
	for _, p := range slices.Sorted(maps.Keys(b.files)) {
		k.str(p)
		k.num(b.files[p].hash)
	}
	for _, p := range slices.Sorted(maps.Keys(b.static)) {
		k.str(p)
	}
	return h.Sum64()
}

// themeDigest digests the built-in and site templates and assets and the
// configuration file.
func (b *Builder) themeDigest() (uint64, error) {
	var h maphash.Hash
	h.SetSeed(b.seed)
	k := keyWriter{&h}
	add := func(fsys fs.FS, root string) error {
		if fsys == nil {
			return nil
		}
		return fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == root {
					return fs.SkipAll // no such folder
				}
				return err
			}
			if d.IsDir() {
				return nil
			}
			data, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			k.str(p)
			k.str(string(data))
			return nil
		})
	}
	for _, src := range []struct {
		fsys fs.FS
		root string
	}{{b.cfg.Templates, "."}, {b.cfg.Assets, "."}, {b.cfg.Site, "templates"}, {b.cfg.Site, "assets"}} {
		k.str(src.root)
		if err := add(src.fsys, src.root); err != nil {
			return 0, fmt.Errorf("read %s: %w", src.root, err)
		}
	}
	data, _ := fs.ReadFile(b.cfg.Site, config.File)
	k.str(string(data))
	return h.Sum64(), nil
}
