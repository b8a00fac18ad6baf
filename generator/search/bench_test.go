package search_test

import (
	"context"
	"sync"
	"testing"

	"github.com/teamhandbook/handbook"
	"github.com/teamhandbook/handbook/generator"
	"github.com/teamhandbook/handbook/generator/search"
	"github.com/teamhandbook/handbook/internal/corpus"
)

var corpusPages = map[int][]search.Page{}
var corpusMu sync.Mutex

// pagesOf returns the records a build of the generated n-page handbook
// indexes: the generator's real input to search.Build, not texts read back
// from an index (those are clipped).
func pagesOf(b testing.TB, n int) []search.Page {
	b.Helper()
	corpusMu.Lock()
	defer corpusMu.Unlock()
	if ps, ok := corpusPages[n]; ok {
		return ps
	}
	cfg := generator.Config{Site: corpus.Large(n), Templates: handbook.Templates(), Assets: handbook.Assets()}
	ps, err := generator.SearchPages(context.Background(), cfg)
	if err != nil {
		b.Fatal(err)
	}
	corpusPages[n] = ps
	return ps
}

func benchmarkIndex(b *testing.B, n int) {
	pages := pagesOf(b, n)
	b.ResetTimer()
	for b.Loop() {
		idx, err := search.Build(pages)
		if err == nil {
			_, err = idx.Files()
		}
		if err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkIndex1000(b *testing.B) { benchmarkIndex(b, 1000) }

// BenchmarkIndex10000 is the "index build ≤ 1 s": Build and the
// shard files, from the records of a 10,000-page build.
func BenchmarkIndex10000(b *testing.B) {
	if testing.Short() {
		b.Skip("large")
	}
	benchmarkIndex(b, 10000)
}
