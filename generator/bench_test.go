package generator_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/teamhandbook/handbook"
	"github.com/teamhandbook/handbook/generator"
	"github.com/teamhandbook/handbook/internal/corpus"
)

// largeHandbook generates a handbook of n pages; see corpus.Large.
func largeHandbook(n int) fstest.MapFS { return corpus.Large(n) }

func benchmarkBuild(b *testing.B, n int) {
	site := largeHandbook(n)
	dest := filepath.Join(b.TempDir(), "public")
	cfg := generator.Config{Site: site, Templates: handbook.Templates(), Assets: handbook.Assets(), Dest: dest}
	b.ResetTimer()
	for b.Loop() {
		rep, err := generator.Build(context.Background(), cfg)
		if err != nil {
			b.Fatalf("%v\n%s", err, rep.Diagnostics)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

func BenchmarkBuild1000(b *testing.B) { benchmarkBuild(b, 1000) }

// BenchmarkBuild10000 is the size Hugo is compared at; run it with
// make bench.
func BenchmarkBuild10000(b *testing.B) {
	if testing.Short() {
		b.Skip("large")
	}
	benchmarkBuild(b, 10000)
}

func BenchmarkBuildSeed(b *testing.B) {
	dest := filepath.Join(b.TempDir(), "public")
	cfg := generator.Config{Site: os.DirFS(".."), Templates: handbook.Templates(), Assets: handbook.Assets(), Dest: dest}
	for b.Loop() {
		if _, err := generator.Build(context.Background(), cfg); err != nil {
			b.Fatal(err)
		}
	}
}
