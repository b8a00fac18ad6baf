package watch

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// stamp is what polling compares to see that a file changed.
type stamp struct {
	size  int64
	mod   time.Time
	mode  fs.FileMode
	isDir bool
}

// startPolling scans the watched files every interval and reports what
// was created, changed or removed since the last scan.
func startPolling(ctx context.Context, root string, interval time.Duration, paths chan<- string, errs chan<- error) error {
	prev := scan(root)
	go func() {
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
			cur := scan(root)
			for p, s := range cur {
				if old, ok := prev[p]; !ok || (old != s && !s.isDir) {
					if !send(ctx, paths, p) {
						return
					}
				}
			}
			for p := range prev {
				if _, ok := cur[p]; !ok {
					if !send(ctx, paths, p) {
						return
					}
				}
			}
			prev = cur
		}
	}()
	return nil
}

func send(ctx context.Context, paths chan<- string, p string) bool {
	select {
	case paths <- p:
		return true
	case <-ctx.Done():
		return false
	}
}

// scan stamps every relevant file and folder under root.
func scan(root string) map[string]stamp {
	out := map[string]stamp{}
	add := func(p string, info fs.FileInfo) {
		if r, ok := rel(root, p); ok && Relevant(r) {
			out[r] = stamp{info.Size(), info.ModTime(), info.Mode(), info.IsDir()}
		}
	}
	for _, f := range Files {
		if info, err := os.Lstat(filepath.Join(root, f)); err == nil {
			add(filepath.Join(root, f), info)
		}
	}
	for _, t := range Trees {
		filepath.WalkDir(filepath.Join(root, t), func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil // gone, or unreadable: reported as removed
			}
			if d.IsDir() && scratch(d.Name()) && p != filepath.Join(root, t) {
				return fs.SkipDir
			}
			if info, err := d.Info(); err == nil {
				add(p, info)
			}
			return nil
		})
	}
	return out
}
