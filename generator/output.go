package generator

import (
	"io"
	"sync"
)

// output is where a build writes its files: a publish.Staging folder for
// `handbook build`, memory for serve, discard for check. All are safe for
// concurrent use.
type output interface {
	WriteFile(name string, data []byte) error
	Copy(name string, r io.Reader) error
}

// memory is an output held in memory, from which a Snapshot is made.
type memory struct {
	mu    sync.Mutex
	files map[string][]byte
}

// newMemory starts an output holding the files of prev, if any: a rebuild
// that rewrites a few pages shares every other file with the previous site.
func newMemory(prev *Snapshot) *memory {
	m := &memory{files: map[string][]byte{}}
	if prev != nil {
		m.files = make(map[string][]byte, len(prev.files))
		for k, v := range prev.files {
			m.files[k] = v
		}
	}
	return m
}

func (m *memory) WriteFile(name string, data []byte) error {
	m.mu.Lock()
	m.files[name] = data
	m.mu.Unlock()
	return nil
}

func (m *memory) Copy(name string, r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	return m.WriteFile(name, data)
}

// Snapshot is one complete build of a site, held in memory. It never
// changes: a rebuild makes a new one, so a reader holding a Snapshot sees
// one whole version of the site.
type Snapshot struct {
	ID       uint64 // counts the builds of one Builder, from 1
	BasePath string // the URL path the site is served under
	files    map[string][]byte
}

// File returns the file at name, a slash path inside the site
// ("roles/x/index.html").
func (s *Snapshot) File(name string) ([]byte, bool) {
	data, ok := s.files[name]
	return data, ok
}

// Len returns the number of files.
func (s *Snapshot) Len() int { return len(s.files) }

// Each calls fn for every file, in no particular order.
func (s *Snapshot) Each(fn func(name string, data []byte)) {
	for k, v := range s.files {
		fn(k, v)
	}
}
