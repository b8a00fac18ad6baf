// Package stash keeps byte strings in a temporary file until they are read
// back, so that what a build holds from loading its pages to writing them
// does not stay in memory.
//
// A build renders each page's body while it loads the page, but can write
// it only once every page is loaded and its links are checked; the search
// index likewise needs every page's text at the end. Held in memory, those
// grow with the handbook: 114 MB at 10,000 pages, ten times that at 100,000. In a
// stash they cost a write and a read through the page cache, which the
// kernel may keep or drop as memory allows: in a folder on disk, that is,
// not on a tmpfs, where the file is memory too. A build puts its stash
// beside its output folder.
//
// The file is unlinked as soon as it is made where the system allows it,
// so nothing is left behind, not even by a build that is killed.
package stash

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"sync"
	"unsafe"
)

// Stash is a temporary file of byte strings. Put and Get may be called
// from many goroutines.
type Stash struct {
	f      *os.File
	name   string // still to remove on Close, where unlinking an open file failed
	mu     sync.Mutex
	end    int64
	closed bool
}

// Ref says where Put stored a string.
type Ref struct {
	off int64
	n   int
}

// Len is the length of the string r refers to.
func (r Ref) Len() int { return r.n }

// New makes a stash in dir (the system's temporary folder when dir is "").
func New(dir string) (*Stash, error) {
	f, err := os.CreateTemp(dir, "handbook-stash-*")
	if err != nil {
		return nil, fmt.Errorf("stash: %w", err)
	}
	s := &Stash{f: f}
	if err := os.Remove(f.Name()); err != nil {
		s.name = f.Name() // Windows: removed on Close instead
	}
	return s, nil
}

// Put appends b to the stash and returns where it is.
func (s *Stash) Put(b []byte) (Ref, error) {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return Ref{}, errors.New("stash: closed")
	}
	off := s.end
	s.end += int64(len(b))
	s.mu.Unlock()
	// Each Put has its own range of the file: writes need no lock.
	if _, err := s.f.WriteAt(b, off); err != nil {
		return Ref{}, fmt.Errorf("stash: %w", err)
	}
	return Ref{off: off, n: len(b)}, nil
}

// Get returns the string r refers to, read from the file into memory of
// its own.
func (s *Stash) Get(r Ref) (string, error) {
	if r.n == 0 {
		return "", nil
	}
	b := make([]byte, r.n)
	if _, err := s.f.ReadAt(b, r.off); err != nil {
		return "", fmt.Errorf("stash: %w", err)
	}
	// b is never written again: the string may share it.
	return unsafe.String(&b[0], len(b)), nil
}

// Append appends the bytes r refers to to dst and returns the result, for
// a caller done with them before it reuses dst: Get's string needs memory
// of its own.
func (s *Stash) Append(dst []byte, r Ref) ([]byte, error) {
	dst = slices.Grow(dst, r.n)
	b := dst[len(dst) : len(dst)+r.n]
	if _, err := s.f.ReadAt(b, r.off); err != nil {
		return dst, fmt.Errorf("stash: %w", err)
	}
	return dst[:len(dst)+r.n], nil
}

// Close closes and removes the file. Refs are of no use afterwards.
func (s *Stash) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	err := s.f.Close()
	if s.name != "" {
		err = errors.Join(err, os.Remove(s.name))
	}
	return err
}
