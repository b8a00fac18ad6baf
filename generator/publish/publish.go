// Package publish writes a built site so that readers never see half of one.
//
// Files go into a fresh folder beside the destination; only when the whole
// build has succeeded is that folder swapped into place. A build that fails,
// or is cancelled, leaves the previous site exactly as it was.
//
// The destination folder belongs to the generator, which empties it on every
// build. To keep a mistyped --dest from wiping someone's files, a non-empty
// folder is replaced only when it holds the Marker file that every build
// writes.
package publish

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
)

// Marker is the file, at the top of every built site, that marks the folder
// as the generator's to replace.
const Marker = ".handbook-build"

const markerText = "This folder was written by handbook and is replaced on every build.\n"

// Staging is a site being written. Its methods are safe for concurrent use
// except Commit and Abort, which end it.
type Staging struct {
	dest string
	tmp  string
	prev string   // dest when it holds a previous build, whose files may be reused; else ""
	dirs sync.Map // folders already made, so each is made once
}

// Begin checks that dest may be replaced and makes the folder to write into.
func Begin(dest string) (*Staging, error) {
	dest = filepath.Clean(dest)
	if err := checkReplaceable(dest); err != nil {
		return nil, err
	}
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("publish: %w", err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dest)+".tmp-")
	if err != nil {
		return nil, fmt.Errorf("publish: %w", err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return nil, fmt.Errorf("publish: %w", err)
	}
	st := &Staging{dest: dest, tmp: tmp}
	if _, err := os.Stat(filepath.Join(dest, Marker)); err == nil {
		st.prev = dest // see reuse.go
	}
	return st, nil
}

// checkReplaceable refuses a destination that holds anything not built by us.
func checkReplaceable(dest string) error {
	info, err := os.Stat(dest)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	if !info.IsDir() {
		return fmt.Errorf("refusing to replace %s: it is a file, not a folder", dest)
	}
	entries, err := os.ReadDir(dest)
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(dest, Marker)); err == nil {
		return nil
	}
	return fmt.Errorf("refusing to replace %s: it is not empty and has no %s file, so handbook did not build it; choose another --dest or empty it first", dest, Marker)
}

// WriteFile writes data at name, a slash path inside the site.
func (s *Staging) WriteFile(name string, data []byte) error {
	if !fs.ValidPath(name) || name == "." || strings.Contains(name, "\\") {
		return fmt.Errorf("publish: invalid output path %q", name)
	}
	p := filepath.Join(s.tmp, filepath.FromSlash(name))
	if err := s.mkdir(filepath.Dir(p)); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	if s.prev != "" && reuse(filepath.Join(s.prev, filepath.FromSlash(name)), p, data) {
		return nil
	}
	f, err := create(p)
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	return nil
}

// create makes a new file at p. A file already there is replaced, not
// truncated: it may be a hard link to a file of the previous site (reuse.go),
// which must stay as it was until Commit.
func create(p string) (*os.File, error) {
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		if err := os.Remove(p); err != nil {
			return nil, err
		}
		f, err = os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	}
	return f, err
}

// Copy writes what r reads at name, without holding it all in memory.
func (s *Staging) Copy(name string, r io.Reader) error {
	if !fs.ValidPath(name) || name == "." || strings.Contains(name, "\\") {
		return fmt.Errorf("publish: invalid output path %q", name)
	}
	p := filepath.Join(s.tmp, filepath.FromSlash(name))
	if err := s.mkdir(filepath.Dir(p)); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	f, err := create(p)
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	_, err = io.Copy(f, r)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("publish: %s: %w", name, err)
	}
	return nil
}

// mkdir makes dir and its parents, asking the file system only about
// folders this build has not made yet: on slow disks, the stat calls of
// os.MkdirAll for every file cost more than rendering the page.
func (s *Staging) mkdir(dir string) error {
	if _, done := s.dirs.Load(dir); done || dir == s.tmp {
		return nil
	}
	err := os.Mkdir(dir, 0o755)
	if errors.Is(err, fs.ErrNotExist) {
		if err := s.mkdir(filepath.Dir(dir)); err != nil {
			return err
		}
		err = os.Mkdir(dir, 0o755)
	}
	if err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	s.dirs.Store(dir, true)
	return nil
}

// Exists reports whether name has been written.
func (s *Staging) Exists(name string) bool {
	_, err := os.Stat(filepath.Join(s.tmp, filepath.FromSlash(path.Clean(name))))
	return err == nil
}

// Commit swaps the written site into place of the destination.
func (s *Staging) Commit() error {
	if err := s.WriteFile(Marker, []byte(markerText)); err != nil {
		s.Abort()
		return err
	}
	// Check again: the folder may have changed while the site was built.
	if err := checkReplaceable(s.dest); err != nil {
		s.Abort()
		return err
	}
	old := s.tmp + ".old"
	hadOld := true
	if err := os.Rename(s.dest, old); err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			s.Abort()
			return fmt.Errorf("publish: %w", err)
		}
		hadOld = false
	}
	if err := os.Rename(s.tmp, s.dest); err != nil {
		if hadOld {
			os.Rename(old, s.dest)
		}
		s.Abort()
		return fmt.Errorf("publish: %w", err)
	}
	if hadOld {
		if err := removeTree(old); err != nil {
			return fmt.Errorf("publish: remove previous site: %w", err)
		}
	}
	return nil
}

// Abort throws the written files away, leaving the destination untouched.
func (s *Staging) Abort() error {
	return removeTree(s.tmp)
}
