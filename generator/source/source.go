// Package source loads a handbook's files from the content/ folder of a site.
//
// It is the only stage that reads content, so the checks that protect every
// later stage live here: Markdown must be UTF-8 and no file may be larger than
// MaxFileSize. Hidden files and folders (".git", ".DS_Store") are skipped.
package source

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/teamhandbook/handbook/generator/diag"
)

// MaxFileSize bounds one Markdown file, so that a stray export in content/
// is reported instead of exhausting memory.
const MaxFileSize = 8 << 20

// MaxStaticSize bounds a file copied as it is (an image, a PDF): a handbook
// is no place for videos, and every reader would download them.
const MaxStaticSize = 64 << 20

// ContentDir is the folder, at the site root, that holds the pages.
const ContentDir = "content"

// File is one file under content/.
type File struct {
	Path string // slash path from the site root: "content/roles/x.md"
	Data []byte // nil for static files, which are copied, not read
}

// Files is what Load found, in lexical order.
type Files struct {
	Markdown []File // .md files, read
	Static   []File // everything else (images, PDFs), copied as they are
}

// Load walks content/ in site. Problems with individual files are returned as
// diagnostics; the error is for a site that cannot be read at all.
func Load(ctx context.Context, site fs.FS) (Files, diag.List, error) {
	var files Files
	var diags diag.List
	err := fs.WalkDir(site, ContentDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == ContentDir && errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("no %s/ folder: a handbook keeps its pages there", ContentDir)
			}
			return err
		}
		return visit(ctx, site, p, d, &files, &diags)
	})
	if err != nil {
		return Files{}, nil, fmt.Errorf("load content: %w", err)
	}
	files.sort()
	return files, diags, nil
}

func (f *Files) sort() {
	byPath := func(a, b File) int { return strings.Compare(a.Path, b.Path) }
	slices.SortFunc(f.Markdown, byPath)
	slices.SortFunc(f.Static, byPath)
}

// visit applies the rules of Load to one entry of the walk.
func visit(ctx context.Context, site fs.FS, p string, d fs.DirEntry, files *Files, diags *diag.List) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if p != ContentDir && strings.HasPrefix(d.Name(), ".") {
		if d.IsDir() {
			return fs.SkipDir
		}
		return nil
	}
	if d.Type()&fs.ModeSymlink != 0 {
		// Following links could read outside the site, or loop.
		diags.Rule("symlink").Warnf(diag.Position{File: p}, "symbolic link skipped: copy the file into content/ instead")
		return nil
	}
	if d.IsDir() || !d.Type().IsRegular() {
		return nil
	}
	if path.Ext(p) != ".md" {
		if info, err := d.Info(); err == nil && info.Size() > MaxStaticSize {
			diags.Rule("file-size").Errorf(diag.Position{File: p}, "file is %d bytes, over the %d MiB limit for files in content/", info.Size(), MaxStaticSize>>20)
			return nil
		}
		files.Static = append(files.Static, File{Path: p})
		return nil
	}
	f, ok := read(site, p, d, diags)
	if ok {
		files.Markdown = append(files.Markdown, f)
	}
	return nil
}

// LoadPath loads what Load would find at p, a file or folder below
// content/, for a rebuild that knows which paths changed. A path that no
// longer exists, or that Load would skip, yields nothing.
func LoadPath(ctx context.Context, site fs.FS, p string) (Files, diag.List, error) {
	var files Files
	var diags diag.List
	rel, ok := strings.CutPrefix(p, ContentDir+"/")
	if !ok || !fs.ValidPath(p) {
		return files, nil, nil
	}
	for _, part := range strings.Split(rel, "/") {
		if strings.HasPrefix(part, ".") {
			return files, nil, nil
		}
	}
	// The entry comes from the parent folder's listing, as in Load's walk:
	// fs.Stat would follow a symbolic link that Load skips.
	entries, err := fs.ReadDir(site, path.Dir(p))
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return files, nil, nil
		}
		return files, nil, fmt.Errorf("load %s: %w", p, err)
	}
	i, found := slices.BinarySearchFunc(entries, path.Base(p), func(e fs.DirEntry, name string) int { return strings.Compare(e.Name(), name) })
	if !found {
		return files, nil, nil
	}
	if !entries[i].IsDir() {
		err = visit(ctx, site, p, entries[i], &files, &diags)
	} else {
		err = fs.WalkDir(site, p, func(q string, d fs.DirEntry, err error) error {
			if err != nil {
				if q == p && errors.Is(err, fs.ErrNotExist) {
					return fs.SkipAll
				}
				return err
			}
			return visit(ctx, site, q, d, &files, &diags)
		})
	}
	if err != nil && !errors.Is(err, fs.SkipDir) {
		return Files{}, nil, fmt.Errorf("load %s: %w", p, err)
	}
	files.sort()
	return files, diags, nil
}

func read(site fs.FS, p string, d fs.DirEntry, diags *diag.List) (File, bool) {
	info, err := d.Info()
	if err == nil && info.Size() > MaxFileSize {
		diags.Rule("file-size").Errorf(diag.Position{File: p}, "file is %d bytes, over the %d MiB limit", info.Size(), MaxFileSize>>20)
		return File{}, false
	}
	data, err := fs.ReadFile(site, p)
	if err != nil {
		diags.Rule("file").Errorf(diag.Position{File: p}, "cannot read: %v", err)
		return File{}, false
	}
	if pos, bad := invalidUTF8(data); bad {
		pos.File = p
		diags.Rule("encoding").Errorf(pos, "invalid UTF-8: save the file as UTF-8")
		return File{}, false
	}
	return File{Path: p, Data: data}, true
}

// invalidUTF8 returns the line and column of the first byte that is not
// UTF-8, so that the writer can find it in an editor.
func invalidUTF8(data []byte) (diag.Position, bool) {
	if utf8.Valid(data) {
		return diag.Position{}, false
	}
	line, col := 1, 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return diag.Position{Line: line, Col: col}, true
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		data = data[size:]
	}
	return diag.Position{}, false
}
