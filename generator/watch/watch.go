// Package watch reports changes to a site's files, in batches: one batch
// for each burst of writes, so that a save that an editor does in several
// steps (write a temporary file and rename it over the page, delete and
// create, swap files) starts one rebuild, not three.
//
// Events come from fsnotify, which watches every folder, folders created
// later included; or, where events do not arrive (WSL, Docker bind mounts,
// network drives), from polling the folders.
package watch

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Options tune a Watcher. The zero value watches with fsnotify and batches
// with the default windows.
type Options struct {
	Poll  time.Duration // poll this often instead of using fsnotify; 0 for events
	Quiet time.Duration // a batch ends after this long without events (default 30ms)
	Max   time.Duration // and at most this long after it started (default 300ms)
}

// Trees are the folders, under the site root, whose whole content is
// watched; Files are the single files at the root that are.
var (
	Trees = []string{"content", "templates", "assets"}
	Files = []string{"handbook.yaml"}
)

// Watcher reports batches of changed paths: slash paths from the site root
// ("content/roles/x.md"), sorted, each once. A path may name a file that
// is gone, or a folder, meaning everything in it.
type Watcher struct {
	Batches <-chan []string
	Errors  <-chan error
}

// New watches the site at root until ctx ends.
func New(ctx context.Context, root string, opts Options) (*Watcher, error) {
	if opts.Quiet <= 0 {
		opts.Quiet = 30 * time.Millisecond
	}
	if opts.Max <= 0 {
		opts.Max = 300 * time.Millisecond
	}
	paths := make(chan string, 256)
	batches := make(chan []string, 1)
	errs := make(chan error, 1)
	var err error
	if opts.Poll > 0 {
		err = startPolling(ctx, root, opts.Poll, paths, errs)
	} else {
		err = startNotify(ctx, root, paths, errs)
	}
	if err != nil {
		return nil, err
	}
	go Batch(ctx, paths, batches, opts.Quiet, opts.Max)
	return &Watcher{Batches: batches, Errors: errs}, nil
}

// Relevant reports whether a change at rel, a slash path from the site root,
// can change the site. Hidden files and editors' temporary files cannot:
// the build skips them.
func Relevant(rel string) bool {
	if slices.Contains(Files, rel) {
		return true
	}
	top, _, _ := strings.Cut(rel, "/")
	if !slices.Contains(Trees, top) {
		return false
	}
	for _, part := range strings.Split(rel, "/") {
		if scratch(part) {
			return false
		}
	}
	return true
}

// scratch reports whether name is a hidden or temporary file: vim's swap
// files (".x.swp") and its write test ("4913"), backups ("x~"), Emacs lock
// files (".#x").
func scratch(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") || name == "4913" ||
		strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx")
}

// rel returns the slash path of name, an absolute or root-relative file
// name, from root.
func rel(root, name string) (string, bool) {
	r, err := filepath.Rel(root, name)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(r), true
}

func startNotify(ctx context.Context, root string, paths chan<- string, errs chan<- error) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("watch: %w", err)
	}
	if err := w.Add(root); err != nil {
		w.Close()
		return fmt.Errorf("watch %s: %w", root, err)
	}
	for _, t := range Trees {
		if err := addTree(w, root, filepath.Join(root, t)); err != nil {
			w.Close()
			return err
		}
	}
	go func() {
		defer w.Close()
		for {
			select {
			case <-ctx.Done():
				return
			case err, ok := <-w.Errors:
				if !ok {
					return
				}
				select {
				case errs <- fmt.Errorf("watch: %w", err):
				default:
				}
			case ev, ok := <-w.Events:
				if !ok {
					return
				}
				if ev.Op == fsnotify.Chmod {
					continue
				}
				r, ok := rel(root, ev.Name)
				if !ok || !Relevant(r) {
					continue
				}
				if ev.Has(fsnotify.Create) {
					// A new folder: watch it, and report it whole, since
					// files may have been written in it before the watch.
					if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() {
						if err := addTree(w, root, ev.Name); err != nil {
							select {
							case errs <- err:
							default:
							}
						}
					}
				}
				select {
				case paths <- r:
				case <-ctx.Done():
					return
				}
			}
		}
	}()
	return nil
}

// addTree watches dir and every folder below it that the build reads.
func addTree(w *fsnotify.Watcher, root, dir string) error {
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll // created later, seen from its parent
			}
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if p != dir && scratch(d.Name()) {
			return fs.SkipDir
		}
		return w.Add(p)
	})
	if err != nil {
		return fmt.Errorf("watch %s: %w", dir, err)
	}
	return nil
}

// Batch collects paths from in into batches sent on out: a batch ends when
// no path has come for quiet, or limit after its first path.
func Batch(ctx context.Context, in <-chan string, out chan<- []string, quiet, limit time.Duration) {
	var (
		pending  = map[string]bool{}
		quietT   = time.NewTimer(time.Hour)
		deadline <-chan time.Time
	)
	quietT.Stop()
	flush := func() bool {
		batch := make([]string, 0, len(pending))
		for p := range pending {
			batch = append(batch, p)
		}
		slices.Sort(batch)
		clear(pending)
		deadline = nil
		quietT.Stop()
		select {
		case out <- batch:
			return true
		case <-ctx.Done():
			return false
		}
	}
	for {
		select {
		case <-ctx.Done():
			return
		case p := <-in:
			if len(pending) == 0 {
				deadline = time.After(limit)
			}
			pending[path.Clean(p)] = true
			quietT.Reset(quiet)
		case <-quietT.C:
			if len(pending) > 0 && !flush() {
				return
			}
		case <-deadline:
			if len(pending) > 0 && !flush() {
				return
			}
		}
	}
}
