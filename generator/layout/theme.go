// Package layout renders pages through HTML templates.
//
// A theme is the built-in templates and assets with the site's own
// templates/ and assets/ laid over them: a site file replaces the built-in
// one of the same name, so a site changes what it needs and inherits the
// rest. base.html is the frame of every page and defines shared partials;
// each kind of page has its own template defining "main".
package layout

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"strings"
	"sync"

	"github.com/teamhandbook/handbook/generator/org"
)

// Templates a theme must have, besides base.html.
var pageTemplates = []string{"page.html", "role.html", "process.html", "ladder.html", "team.html", "org.html", "404.html", "review.html",
	"skill.html", "onboarding.html", "start.html", "skills.html"}

// Theme is ready to render the pages of one build.
type Theme struct {
	pages         map[string]*template.Template
	redirect      *template.Template
	href          *template.Template // writes a link as the templates do, to find it again
	Assets        []Asset
	assetURL      map[string]string
	base          string
	needle        []byte                 // linkNeedle(base)
	onces         sync.Map               // partial name → template.HTML; see once
	links         itemCache[linkKey]     // see link
	backlinkItems itemCache[backlinkKey] // see backlinks
	tocItems      itemCache[tocKey]      // see toc
	linkTmpl      *template.Template
}

// Asset is a static file, written under a name that changes with its
// content, so browsers may cache it forever.
type Asset struct {
	Name string // "style.css"
	Path string // "assets/style.1a2b3c4d.css"
	Data []byte
}

// Sources are where a theme's files come from.
type Sources struct {
	Templates, Assets fs.FS // built in
	Site              fs.FS // the site root, which may hold templates/ and assets/
	Extra             map[string][]byte
	// Extra are generated assets (the code highlighting stylesheet).
}

// Load reads the templates and assets. base is the URL path the site is
// served under; g is the build's org graph, which templates query.
func Load(src Sources, base string, g *org.Graph) (*Theme, error) {
	t := &Theme{pages: map[string]*template.Template{}, assetURL: map[string]string{}, base: base, needle: linkNeedle(base)}
	files, err := overlay(src.Templates, src.Site, "templates")
	if err != nil {
		return nil, err
	}
	assets, err := overlay(src.Assets, src.Site, "assets")
	if err != nil {
		return nil, err
	}
	for name, data := range src.Extra {
		if _, ok := assets[name]; !ok {
			assets[name] = file{path: "(generated) " + name, data: data}
		}
	}
	for _, name := range sortedKeys(assets) {
		a := assets[name]
		sum := sha256.Sum256(a.data)
		ext := path.Ext(name)
		p := "assets/" + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext
		t.Assets = append(t.Assets, Asset{Name: name, Path: p, Data: a.data})
		t.assetURL[name] = base + p
	}
	funcs := t.funcs(g)
	t.href = template.Must(template.New("href").Funcs(funcs).Parse(`<a href="{{url .}}">`))
	t.tocItems.limit = maxTOCItems
	t.linkTmpl = template.Must(template.New("link").Funcs(funcs).Parse(`<a href="{{url .URL}}">{{.Title}}</a>`))
	baseFile, ok := files["base.html"]
	if !ok {
		return nil, fmt.Errorf("templates: no base.html")
	}
	// base.html is parsed once and cloned for each page template (which
	// defines its own "main"): parsing it twelve times was most of Load,
	// and Load runs on every build.
	frame, err := template.New("base.html").Funcs(funcs).Parse(string(baseFile.data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", baseFile.path, err)
	}
	for _, name := range pageTemplates {
		f, ok := files[name]
		if !ok {
			return nil, fmt.Errorf("templates: no %s", name)
		}
		tmpl, err := frame.Clone()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", baseFile.path, err)
		}
		if _, err := tmpl.New(name).Parse(string(f.data)); err != nil {
			return nil, fmt.Errorf("%s: %w", f.path, err)
		}
		t.pages[name] = tmpl
	}
	if f, ok := files["redirect.html"]; ok {
		if t.redirect, err = template.New("redirect.html").Funcs(funcs).Parse(string(f.data)); err != nil {
			return nil, fmt.Errorf("%s: %w", f.path, err)
		}
	} else {
		return nil, fmt.Errorf("templates: no redirect.html")
	}
	return t, nil
}

type file struct {
	path string // where it came from, for messages
	data []byte
}

// overlay reads every file of builtin, then the site's dir/ over it.
func overlay(builtin, site fs.FS, dir string) (map[string]file, error) {
	out := map[string]file{}
	read := func(fsys fs.FS, root, label string) error {
		return fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == root && errors.Is(err, fs.ErrNotExist) {
					return fs.SkipAll
				}
				return err
			}
			if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
				return nil
			}
			data, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			name := strings.TrimPrefix(strings.TrimPrefix(p, root), "/")
			out[name] = file{path: path.Join(label, name), data: data}
			return nil
		})
	}
	if err := read(builtin, ".", "(built-in) "+dir); err != nil {
		return nil, fmt.Errorf("built-in %s: %w", dir, err)
	}
	if site != nil {
		if err := read(site, dir, dir); err != nil {
			return nil, fmt.Errorf("%s: %w", dir, err)
		}
	}
	return out, nil
}
