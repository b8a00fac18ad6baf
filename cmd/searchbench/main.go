// Command searchbench measures the search index on a generated handbook
// against the targets, and Pagefind on the same built site: bytes
// per cold and later query (as the browser counts them, gzip on the wire),
// index size and file count, query time in the client, index build time,
// and relevance (MRR@10, zero results on one-typo queries). Run it with
// make bench-search; it needs Chromium, and npm for Pagefind.
package main

import (
	"compress/gzip"
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/teamhandbook/handbook"
	"github.com/teamhandbook/handbook/generator"
	"github.com/teamhandbook/handbook/generator/search"
	"github.com/teamhandbook/handbook/internal/corpus"
)

func main() {
	pages := flag.Int("pages", 10000, "pages in the generated handbook")
	nq := flag.Int("queries", 60, "queries measured in the browser, per engine")
	withPagefind := flag.Bool("pagefind", true, "measure Pagefind beside handbook (false: handbook alone, quicker)")
	flag.Parse()
	if err := run(*pages, *nq, *withPagefind); err != nil {
		fmt.Fprintln(os.Stderr, "searchbench:", err)
		os.Exit(1)
	}
}

func run(n, nq int, withPagefind bool) error {
	loadStart := loadAvg()
	tmp, err := os.MkdirTemp("", "searchbench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	dest := filepath.Join(tmp, "public")
	start := time.Now()
	cfg := generator.Config{Site: corpus.Large(n), Templates: handbook.Templates(), Assets: handbook.Assets(), Dest: dest}
	if rep, err := generator.Build(context.Background(), cfg); err != nil {
		return fmt.Errorf("%w\n%s", err, rep.Diagnostics)
	}
	fmt.Printf("built %d pages in %v (whole site)\n", n, time.Since(start).Round(time.Millisecond))
	idx, err := search.Load(os.DirFS(dest))
	if err != nil {
		return err
	}

	// Index build: from the records a build makes of its pages (the
	// generator's real input to the index, texts unclipped), best of 3.
	recs, err := generator.SearchPages(context.Background(), cfg)
	if err != nil {
		return err
	}
	build, buildCPU := time.Duration(1<<62), time.Duration(1<<62)
	for range 3 {
		start, cpu0 := time.Now(), cpuTime()
		idx, err := search.Build(recs)
		if err == nil {
			_, err = idx.Files()
		}
		if err != nil {
			return err
		}
		build, buildCPU = min(build, time.Since(start)), min(buildCPU, cpuTime()-cpu0)
	}

	size, files := dirSize(filepath.Join(dest, search.Dir))
	queries := corpus.Queries(idx.Pages, func(p search.PageMeta) (string, string) { return p.URL, p.Title })
	sample := spread(queries, nq)

	// Relevance over every query, with the Go searcher (the client ranks
	// identically; cmd/handbook's browser test holds them to it).
	mrr, typoZero, typoN := relevance(queries, func(q string) []string {
		var urls []string
		for _, r := range idx.Search(q, search.Options{}).Results {
			urls = append(urls, r.URL)
		}
		return urls
	})

	pfErr := errors.New("not measured (-pagefind=false)")
	if withPagefind {
		fmt.Println("installing pagefind (npm) and indexing the same site...")
		pfErr = pagefind(filepath.Join(tmp, "pf"), dest)
	}
	if pfErr != nil {
		fmt.Println("pagefind:", pfErr)
	}

	srv := httptest.NewServer(counting(gzipped(http.FileServer(http.Dir(dest)))))
	defer srv.Close()
	ours, err := measure(srv.URL, sample, oursJS)
	if err != nil {
		return err
	}
	var pf *browserFigures
	pfMRR, pfZero := 0.0, 0
	if pfErr == nil {
		if pf, err = measure(srv.URL, sample, pagefindJS); err != nil {
			return err
		}
		pfMRR, pfZero, _ = relevanceOf(sample, pf.urls)
	}
	oursSampleMRR, oursSampleZero, sampleTypos := relevanceOf(sample, ours.urls)
	pfSize, pfFiles := dirSize(filepath.Join(dest, "pagefind"))

	fmt.Printf("\nSearch on a generated %d-page handbook (%d queries in the browser)\n", n, len(sample))
	row := func(name, target, a, b string) { fmt.Printf("%-44s %-12s %-14s %s\n", name, target, a, b) }
	row("figure", "target", "handbook", "pagefind 1.x")
	kb := func(v float64) string { return fmt.Sprintf("%.1f KB", v/1024) }
	na := func(f func(*browserFigures) string) string {
		if pf == nil {
			return "n/a"
		}
		return f(pf)
	}
	row("cold first query, client included, median", "≤ 80 KB", kb(pct(ours.cold, 50)), na(func(p *browserFigures) string { return kb(pct(p.cold, 50)) }))
	row("cold first query, client included, p95", "≤ 120 KB", kb(pct(ours.cold, 95)), na(func(p *browserFigures) string { return kb(pct(p.cold, 95)) }))
	row("later query, median", "≤ 20 KB", kb(pct(ours.later, 50)), na(func(p *browserFigures) string { return kb(pct(p.later, 50)) }))
	row("whole index per 100 pages (gzip)", "≤ 15 KB", kb(float64(size)/float64(n)*100), na(func(*browserFigures) string { return kb(float64(pfSize)/float64(n)*100) + " (raw)" }))
	row("pages per index file", "≥ 25", fmt.Sprintf("%.1f", float64(n)/float64(files)), na(func(*browserFigures) string { return fmt.Sprintf("%.1f", float64(n)/float64(max(1, pfFiles))) }))
	row("query time after shards loaded, p95", "≤ 5 ms", fmt.Sprintf("%.2f ms", pct(ours.warm, 95)), na(func(p *browserFigures) string { return fmt.Sprintf("%.2f ms", pct(p.warm, 95)) }))
	row("index build (best of 3)", "≤ 1 s", build.Round(time.Millisecond).String(), "")
	row("index build, CPU time (best of 3)", "", buildCPU.Round(time.Millisecond).String(), "")
	row("MRR@10, all generated queries (Go)", "≥ 0.85", fmt.Sprintf("%.3f (%d)", mrr["all"], len(queries)), "")
	row("MRR@10 one-typo, all generated (Go)", "≥ 0.85", fmt.Sprintf("%.3f", mrr["typo"]), "")
	row("one-typo zero results, all generated (Go)", "≤ 1%", fmt.Sprintf("%d of %d", typoZero, typoN), "")
	row("MRR@10, browser sample", "", fmt.Sprintf("%.3f", oursSampleMRR), na(func(*browserFigures) string { return fmt.Sprintf("%.3f", pfMRR) }))
	row("one-typo zero results, browser sample", "", fmt.Sprintf("%d of %d", oursSampleZero, sampleTypos), na(func(*browserFigures) string { return fmt.Sprintf("%d of %d", pfZero, sampleTypos) }))
	fmt.Println("(index sizes: handbook files are gzipped here for the count; Pagefind's files are compressed already)")
	fmt.Printf("(query time: each query's median of %d warm runs; load average at the start %s, at the end %s)\n", warmRuns, loadStart, loadAvg())
	fmt.Printf("(slowest warm queries: %s)\n", ours.slowest(5))
	return nil
}

// loadAvg is the system's load averages (1, 5, 15 minutes) as Linux reports
// them, or "unknown": times measured on a busy machine are longer.
func loadAvg() string {
	data, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(data)); err == nil && len(f) >= 3 {
		return strings.Join(f[:3], " ")
	}
	return "unknown"
}

// cpuTime is the user and system time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// dirSize is the gzipped size of the files under dir (for our own, which
// the server compresses) or their size (Pagefind's, compressed already).
func dirSize(dir string) (int64, int) {
	var total int64
	files := 0
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		files++
		data, _ := os.ReadFile(p)
		if strings.HasSuffix(p, ".js") && strings.Contains(p, search.Dir) {
			var b strings.Builder
			w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
			_, _ = w.Write(data)
			_ = w.Close()
			total += int64(b.Len())
		} else {
			total += int64(len(data))
		}
		return nil
	})
	return total, files
}

func spread(qs []corpus.Query, n int) []corpus.Query {
	if len(qs) <= n {
		return qs
	}
	var out []corpus.Query
	// Queries come in threes (identifier, typo, prefix): take each class
	// in turn.
	for i := range n {
		out = append(out, qs[min(len(qs)-1, (i*len(qs)/n)/3*3+i%3)])
	}
	return out
}

func relevance(qs []corpus.Query, find func(string) []string) (map[string]float64, int, int) {
	sum, cnt := map[string]float64{}, map[string]int{}
	zero, typos := 0, 0
	for _, q := range qs {
		urls := find(q.Q)
		rr := 0.0
		if i := slices.Index(urls, q.Want); i >= 0 && i < 10 {
			rr = 1 / float64(i+1)
		}
		if q.Class == "typo" {
			typos++
			if len(urls) == 0 {
				zero++
			}
		}
		for _, k := range []string{q.Class, "all"} {
			sum[k] += rr
			cnt[k]++
		}
	}
	for k := range sum {
		sum[k] /= float64(cnt[k])
	}
	return sum, zero, typos
}

func relevanceOf(qs []corpus.Query, urls [][]string) (float64, int, int) {
	i := 0
	m, z, t := relevance(qs, func(string) []string { i++; return urls[i-1] })
	return m["all"], z, t
}

func pct(v []float64, p int) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Sorted(slices.Values(v))
	return s[min(len(s)-1, (len(s)*p+99)/100-1)]
}

// pagefind installs Pagefind into dir (never the repository) and indexes
// the site into site/pagefind.
func pagefind(dir, site string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, args := range [][]string{
		{"npm", "install", "--prefix", dir, "--no-audit", "--no-fund", "pagefind"},
		{filepath.Join(dir, "node_modules", ".bin", "pagefind"), "--site", site},
	} {
		cmd := exec.Command(args[0], args[1:]...)
		start := time.Now()
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("%s: %w\n%s", strings.Join(args, " "), err, out)
		}
		if strings.HasSuffix(args[0], "pagefind") {
			fmt.Printf("pagefind indexed the site in %v\n", time.Since(start).Round(time.Millisecond))
		}
	}
	return nil
}

// gzipped compresses text responses, as a static host does.
func gzipped(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasSuffix(r.URL.Path, ".js") && !strings.HasSuffix(r.URL.Path, ".css") && !strings.HasSuffix(r.URL.Path, "/") {
			h.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Encoding", "gzip")
		gz, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
		defer gz.Close()
		h.ServeHTTP(gzWriter{w, gz}, r)
	})
}

type gzWriter struct {
	http.ResponseWriter
	gz *gzip.Writer
}

func (g gzWriter) Write(b []byte) (int, error) { return g.gz.Write(b) }
func (g gzWriter) WriteHeader(code int) {
	g.ResponseWriter.Header().Del("Content-Length")
	g.ResponseWriter.WriteHeader(code)
}
