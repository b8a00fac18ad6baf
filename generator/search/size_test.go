package search_test

import (
	"bytes"
	"compress/gzip"
	"path"
	"strings"
	"testing"

	"github.com/teamhandbook/handbook/generator/search"
)

// BenchmarkIndexSize10000 reports what the index of a 10,000-page build
// costs on the wire: gzipped KB per 100 pages, in all and by kind of file
// (d: dictionary, p: postings, t: texts), and pages per file. The issue's
// targets: at most 15 KB per 100 pages and at least 25 pages per file.
func BenchmarkIndexSize10000(b *testing.B) {
	if testing.Short() {
		b.Skip("large")
	}
	pages := pagesOf(b, 10000)
	var files []search.File
	for b.Loop() {
		idx, err := search.Build(pages)
		if err == nil {
			files, err = idx.Files()
		}
		if err != nil {
			b.Fatal(err)
		}
	}
	by := map[string]int{}
	total := 0
	for _, f := range files {
		var buf bytes.Buffer
		w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		_, _ = w.Write(f.Data)
		_ = w.Close()
		kind, _, _ := strings.Cut(path.Base(f.Path), ".")
		by[kind] += buf.Len()
		by[kind+"-files"]++
		total += buf.Len()
	}
	// Per 100 pages of the handbook, as make bench-search counts (the
	// index also has the generated onboarding paths).
	per100 := func(n int) float64 { return float64(n) / 1024 / 10000 * 100 }
	b.ReportMetric(per100(total), "KB/100pages")
	for _, k := range []string{"d", "p", "t"} {
		b.ReportMetric(per100(by[k]), k+"-KB/100pages")
		b.ReportMetric(float64(by[k+"-files"]), k+"-files")
	}
	b.ReportMetric(10000/float64(len(files)), "pages/file")
}
