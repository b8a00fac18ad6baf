package publish

import (
	"fmt"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
)

// benchSite is a site shaped like a 10,000-page handbook's output: a
// folder per page holding its index.html, in a few section folders.
func benchSite(n int) map[string][]byte {
	files := make(map[string][]byte, n)
	for i := range n {
		body := fmt.Appendf(nil, "<!doctype html><title>Page %d</title>%0*d", i, 20000, i)
		files[fmt.Sprintf("sec-%d/page-%d/index.html", i%20, i)] = body
	}
	return files
}

// publishSite writes files into dest the way a build does: from one
// worker per CPU, then Commit.
func publishSite(b *testing.B, dest string, files map[string][]byte) {
	s, err := Begin(dest)
	if err != nil {
		b.Fatal(err)
	}
	names := make(chan string)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for name := range names {
				if err := s.WriteFile(name, files[name]); err != nil {
					b.Error(err)
				}
			}
		}()
	}
	for name := range files {
		names <- name
	}
	close(names)
	wg.Wait()
	if err := s.Commit(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkPublishCold writes a site where there was none.
func BenchmarkPublishCold(b *testing.B) {
	files := benchSite(benchPages(b))
	root := b.TempDir()
	i := 0
	for b.Loop() {
		i++
		publishSite(b, filepath.Join(root, fmt.Sprint(i)), files)
	}
}

// BenchmarkPublishWarm writes the same site again over the previous
// build, the common case of `handbook build` run twice.
func BenchmarkPublishWarm(b *testing.B) {
	files := benchSite(benchPages(b))
	dest := filepath.Join(b.TempDir(), "public")
	publishSite(b, dest, files)
	for b.Loop() {
		publishSite(b, dest, files)
	}
}

func benchPages(b *testing.B) int {
	if testing.Short() {
		return 1000
	}
	return 10000
}
