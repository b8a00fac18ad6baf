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
)

// largeHandbook generates a handbook of n pages: a tenth roles in a
// reporting tree, a tenth processes, the rest plain pages in folders of 50,
// each with sections, links to other pages and their headings, and, every
// third page, a code block.
func largeHandbook(n int) fstest.MapFS {
	fsys := fstest.MapFS{}
	roles := max(1, n/10)
	for i := range roles {
		fm := fmt.Sprintf("---\ntitle: Role %d\npositions: %d\n", i, 1+i%3)
		if i > 0 {
			fm += fmt.Sprintf("reports_to: role-%d\n", (i-1)/4)
		}
		fsys[fmt.Sprintf("content/roles/role-%d.md", i)] = &fstest.MapFile{Data: []byte(fm + "---\n" + body(i, n, "../"))}
	}
	procs := max(1, n/10)
	for i := range procs {
		fm := fmt.Sprintf("---\ntitle: Process %d\nowner: role-%d\nparticipants: [role-%d]\n---\n", i, i%roles, (i+1)%roles)
		fsys[fmt.Sprintf("content/processes/process-%d.md", i)] = &fstest.MapFile{Data: []byte(fm + body(i, n, "../"))}
	}
	for i := range n - roles - procs {
		fsys[fmt.Sprintf("content/guides/g%d/page-%d.md", i/50, i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("# Guide page %d\n\n", i) + body(i, n, "../../"))}
	}
	return fsys
}

func body(i, n int, up string) string {
	var b strings.Builder
	for s := range 4 {
		fmt.Fprintf(&b, "## Section %d\n\nThe team keeps its serverless functions small, observable and cheap. ", s)
		fmt.Fprintf(&b, "See [role %d](%sroles/role-%d.md#section-1) and the [on-call process](%sprocesses/process-0.md#section-2).\n\n", i%max(1, n/10), up, i%max(1, n/10), up)
		b.WriteString("- Cold starts under 500 ms\n- Availability 99.9%\n- Reviews within 24 hours\n\n")
		if i%3 == 0 && s == 1 {
			b.WriteString("```go\nfunc handler(ctx context.Context, e Event) (Response, error) {\n\treturn Response{Status: 200}, nil\n}\n```\n\n")
		}
	}
	return b.String()
}

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
