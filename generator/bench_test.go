package generator_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/teamhandbook/handbook"
	"github.com/teamhandbook/handbook/generator"
	"github.com/teamhandbook/handbook/internal/corpus"
)

// largeHandbook generates a handbook of n pages; see corpus.Large.
func largeHandbook(n int) fstest.MapFS { return corpus.Large(n) }

// benchmarkBuild builds the generated handbook make bench compares with
// Hugo (corpus.Handbook).
func benchmarkBuild(b *testing.B, n int) {
	site := corpus.Handbook(n)
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

// benchmarkRebuild measures serve's rebuild of a 10,000-page handbook
// after edit changes one file.
func benchmarkRebuild(b *testing.B, edit func(fsys fstest.MapFS, i int) string) {
	if testing.Short() {
		b.Skip("large")
	}
	fsys := largeHandbook(10000)
	builder := generator.NewBuilder(generator.Config{Site: fsys, Templates: handbook.Templates(), Assets: handbook.Assets()})
	if _, rep, err := builder.Build(context.Background(), nil); err != nil {
		b.Fatalf("%v\n%s", err, rep.Diagnostics)
	}
	b.ResetTimer()
	i, rendered := 0, 0
	for b.Loop() {
		i++
		changed := edit(fsys, i)
		_, rep, err := builder.Build(context.Background(), []string{changed})
		if err != nil {
			b.Fatalf("%v\n%s", err, rep.Diagnostics)
		}
		rendered += rep.Rendered
	}
	b.ReportMetric(float64(rendered)/float64(i), "rendered/op")
}

func BenchmarkRebuildBody10000(b *testing.B) {
	benchmarkRebuild(b, func(fsys fstest.MapFS, i int) string {
		p := corpus.GuidePath(i % 100)
		fsys[p] = &fstest.MapFile{Data: append(append([]byte{}, fsys[p].Data...), fmt.Sprintf("\nEdit %d.\n", i)...)}
		return p
	})
}

func BenchmarkRebuildReportsTo10000(b *testing.B) {
	benchmarkRebuild(b, func(fsys fstest.MapFS, i int) string {
		p := "content/roles/role-900.md"
		data := string(fsys[p].Data)
		to := []string{"reports_to: role-224", "reports_to: role-3"}
		fsys[p] = &fstest.MapFile{Data: []byte(strings.Replace(strings.Replace(data, to[0], to[1], 1), to[1], to[i%2], 1))}
		return p
	})
}
