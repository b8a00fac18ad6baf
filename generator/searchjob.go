package generator

import (
	"maps"

	"github.com/teamhandbook/handbook/generator/markdown"
	"github.com/teamhandbook/handbook/generator/search"
)

// SearchJob builds the search index of one of a Builder's builds. The
// index covers every page and takes seconds on a large handbook, so serve
// shows a rebuilt page first, with the previous index, and swaps the new
// index in when it is ready:
//
//	snap, rep, err := b.Build(ctx, changed) // show snap
//	if job := b.Search(); job != nil {
//		go func() { job.Run(); done <- job }() // on another goroutine
//	}
//	// later, on the Builder's goroutine:
//	snap, ok := b.WithSearch(<-done) // show snap if ok
//
// Until then the site has the previous build's index, whose files are
// all there: a search finds what the pages said a moment ago.
type SearchJob struct {
	build uint64
	pages []search.Page
	files []search.File
	err   error
}

// Run builds the index. It may run on any goroutine: the job holds a copy
// of what it needs.
func (j *SearchJob) Run() error {
	idx, err := search.Build(j.pages)
	if err == nil {
		j.files, err = idx.Files()
	}
	j.err = err
	return err
}

// Err returns the error of Run.
func (j *SearchJob) Err() error { return j.err }

// Search returns the job that builds the index of the last build, or nil
// when the last build failed or its snapshot has its index already.
func (b *Builder) Search() *SearchJob {
	if b.last == nil || b.indexed == b.builds {
		return nil
	}
	s := b.last.site
	if b.texts == nil {
		b.texts = map[*markdown.Doc]docText{}
	}
	s.texts = b.texts
	// serve keeps bodies in memory, never in a stash: there is nothing to
	// read back, so no error, but should there be one, no job is better
	// than an index without the page.
	pages, err := s.searchPages(false) // the job runs on another goroutine, with a copy
	if err != nil {
		return nil
	}
	job := &SearchJob{build: b.builds, pages: pages}
	if len(b.texts) > len(s.docs) { // bodies edited since: forget their old text
		live := make(map[*markdown.Doc]bool, len(s.docs))
		for _, d := range s.docs {
			live[d] = true
		}
		for d := range b.texts {
			if !live[d] {
				delete(b.texts, d)
			}
		}
	}
	return job
}

// WithSearch returns the latest snapshot with j's index in place of the
// one it had. It returns false when j failed or a later build has
// replaced j's: that build's own job brings its index.
func (b *Builder) WithSearch(j *SearchJob) (*Snapshot, bool) {
	if j.err != nil || j.build != b.builds || b.snap == nil {
		return nil, false
	}
	files := maps.Clone(b.snap.files)
	for name := range b.index {
		delete(files, name) // shards are named by content: old ones go
	}
	b.index = make(map[string]bool, len(j.files))
	for _, f := range j.files {
		files[f.Path] = f.Data
		b.index[f.Path] = true
	}
	b.snap = &Snapshot{ID: b.snap.ID, BasePath: b.snap.BasePath, files: files}
	b.indexed = j.build
	return b.snap, true
}

// keepIndex copies the previous snapshot's search index into out, a
// rebuild written from scratch, until the rebuild's own index is ready.
func (b *Builder) keepIndex(out *memory) {
	if b.snap == nil {
		return
	}
	for name := range b.index {
		out.files[name] = b.snap.files[name]
	}
}
