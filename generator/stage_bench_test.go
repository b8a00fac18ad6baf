package generator

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/teamhandbook/handbook"
	"github.com/teamhandbook/handbook/generator/diag"
	"github.com/teamhandbook/handbook/generator/layout"
	"github.com/teamhandbook/handbook/generator/publish"
	"github.com/teamhandbook/handbook/generator/search"
	"github.com/teamhandbook/handbook/internal/corpus"
)

// The stage benchmarks time each stage of Build on its own, on the
// generated handbook make bench builds (corpus.Handbook), so that a regression shows where it happens:
//
//	load      read files, front matter, parse Markdown, render bodies (prepare.go)
//	validate  org graph, navigation, output checks, link checks
//	render    every page through the templates, into nothing
//	index     the search index and its files
//	write     the rendered files into a new output folder, and the swap
//
// Run them with: go test ./generator -run '^$' -bench Stage -benchmem
// (the 10,000-page ones are skipped with -short).

func BenchmarkStageLoad1000(b *testing.B)      { benchStage(b, 1000, stageLoad) }
func BenchmarkStageLoad10000(b *testing.B)     { benchStage(b, 10000, stageLoad) }
func BenchmarkStageValidate1000(b *testing.B)  { benchStage(b, 1000, stageValidate) }
func BenchmarkStageValidate10000(b *testing.B) { benchStage(b, 10000, stageValidate) }
func BenchmarkStageRender1000(b *testing.B)    { benchStage(b, 1000, stageRender) }
func BenchmarkStageRender10000(b *testing.B)   { benchStage(b, 10000, stageRender) }
func BenchmarkStageIndex1000(b *testing.B)     { benchStage(b, 1000, stageIndex) }
func BenchmarkStageIndex10000(b *testing.B)    { benchStage(b, 10000, stageIndex) }
func BenchmarkStageWrite1000(b *testing.B)     { benchStage(b, 1000, stageWrite) }
func BenchmarkStageWrite10000(b *testing.B)    { benchStage(b, 10000, stageWrite) }

// A stage is set up once, untimed, by setup; then run is timed, once
// per iteration. reset, when not nil, runs untimed before each run.
type stage struct {
	setup func(b *testing.B, cfg Config) (run func(b *testing.B), reset func(b *testing.B))
}

func benchStage(b *testing.B, pages int, st stage) {
	if pages > 1000 && testing.Short() {
		b.Skip("large")
	}
	cfg := Config{Site: corpus.Handbook(pages), Templates: handbook.Templates(), Assets: handbook.Assets(),
		Dest: filepath.Join(b.TempDir(), "public")}
	run, reset := st.setup(b, cfg)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if reset != nil {
			b.StopTimer()
			reset(b)
			b.StartTimer()
		}
		run(b)
	}
	b.ReportMetric(float64(pages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

// loadSite loads cfg as Build does, failing b on any error.
func loadSite(b *testing.B, cfg Config) *site {
	var diags diag.List
	s, err := load(context.Background(), cfg, &diags, needHTML|needText)
	if err != nil {
		b.Fatal(err)
	}
	if n := diags.Count(diag.Error); n > 0 {
		b.Fatalf("the corpus has %d errors:\n%s", n, diags)
	}
	return s
}

// validSite loads and validates cfg as Build does, with its theme.
func validSite(b *testing.B, cfg Config) (*site, *layout.Theme) {
	var diags diag.List
	s, err := validate(context.Background(), cfg, &diags, needHTML|needText)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(s.close)
	if n := diags.Count(diag.Error); n > 0 {
		b.Fatalf("the corpus has %d errors:\n%s", n, diags)
	}
	theme, err := s.theme(cfg)
	if err != nil {
		b.Fatal(err)
	}
	return s, theme
}

var stageLoad = stage{setup: func(b *testing.B, cfg Config) (func(*testing.B), func(*testing.B)) {
	return func(b *testing.B) { loadSite(b, cfg).close() }, nil
}}

var stageValidate = stage{setup: func(b *testing.B, cfg Config) (func(*testing.B), func(*testing.B)) {
	var s *site
	b.Cleanup(func() {
		if s != nil {
			s.close()
		}
	})
	reset := func(b *testing.B) {
		if s != nil {
			s.close()
		}
		s = loadSite(b, cfg)
	}
	run := func(b *testing.B) {
		var diags diag.List
		s.organise(cfg, &diags)
		s.resolveLinks(&diags)
		if n := diags.Count(diag.Error); n > 0 {
			b.Fatalf("%d errors:\n%s", n, diags)
		}
	}
	return run, reset
}}

var stageRender = stage{setup: func(b *testing.B, cfg Config) (func(*testing.B), func(*testing.B)) {
	s, theme := validSite(b, cfg)
	// Rendering a page lets go of its prepared body: each run starts
	// from copies of them.
	kept := make(map[*preparedBody]preparedBody, len(s.prepared))
	for _, pb := range s.prepared {
		kept[pb] = *pb
	}
	reset := func(*testing.B) {
		for pb, v := range kept {
			*pb = v
		}
	}
	run := func(b *testing.B) {
		if err := s.render(context.Background(), theme, s.views(), discard{}); err != nil {
			b.Fatal(err)
		}
	}
	return run, reset
}}

var stageIndex = stage{setup: func(b *testing.B, cfg Config) (func(*testing.B), func(*testing.B)) {
	s, _ := validSite(b, cfg)
	return func(b *testing.B) {
		pages, err := s.searchPages(true) // as Build does
		if err != nil {
			b.Fatal(err)
		}
		idx, err := search.Build(pages)
		if err == nil {
			_, err = idx.Files()
		}
		if err != nil {
			b.Fatal(err)
		}
	}, nil
}}

var stageWrite = stage{setup: func(b *testing.B, cfg Config) (func(*testing.B), func(*testing.B)) {
	s, theme := validSite(b, cfg)
	site := newMemory(nil)
	if _, err := s.write(context.Background(), theme, site); err != nil {
		b.Fatal(err)
	}
	root := b.TempDir()
	i := 0
	// A cold write each time: a new folder, as a first build makes.
	return func(b *testing.B) {
		i++
		out, err := publish.Begin(filepath.Join(root, fmt.Sprint(i)))
		if err != nil {
			b.Fatal(err)
		}
		names := make([]string, 0, len(site.files))
		for name := range site.files {
			names = append(names, name)
		}
		err = parallel(context.Background(), len(names), func(i int) error {
			return out.WriteFile(names[i], site.files[names[i]])
		})
		if err != nil {
			b.Fatal(err)
		}
		if err := out.Commit(); err != nil {
			b.Fatal(err)
		}
	}, nil
}}
