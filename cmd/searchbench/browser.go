package main

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os/exec"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/teamhandbook/handbook/internal/corpus"
)

// oursJS and pagefindJS run one query and return the result URLs and the
// time it took; the bytes are counted by the server.
const oursJS = `async (q) => {
	const t0 = performance.now();
	const rs = await handbook.search(q);
	return {ms: performance.now() - t0, urls: rs.map((r) => r.url.slice(handbook.search.root.length - 1))};
}`

const pagefindJS = `async (q) => {
	const pf = window.__pf || (window.__pf = await import("/pagefind/pagefind.js"));
	const t0 = performance.now();
	const s = await pf.search(q);
	const data = await Promise.all(s.results.slice(0, 10).map((r) => r.data()));
	return {ms: performance.now() - t0, urls: data.map((d) => d.url)};
}`

type browserFigures struct {
	cold, later, warm []float64 // bytes, bytes, milliseconds
	warmQ             []string  // the query each warm figure timed
	urls              [][]string
}

// counted counts the bytes the server sends for search files (and for
// nothing else: the page itself is the same for both engines).
var sent atomic.Int64

type countWriter struct{ http.ResponseWriter }

func (c countWriter) Write(b []byte) (int, error) {
	sent.Add(int64(len(b)))
	return c.ResponseWriter.Write(b)
}

func counting(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Nothing may come from a cache, not even a worker's fetches
		// (Pagefind searches in a Web Worker, which the page's disabled
		// cache does not cover).
		w.Header().Set("Cache-Control", "no-store")
		if strings.Contains(r.URL.Path, "search") || strings.Contains(r.URL.Path, "pagefind") {
			w = countWriter{w}
		}
		h.ServeHTTP(w, r)
	})
}

type answer struct {
	MS   float64  `json:"ms"`
	URLs []string `json:"urls"`
}

// warmRuns is how often a warm query is timed; its median run counts, so
// that one pause of a busy machine is not taken for the query's cost while
// a query that is slow every time still is.
const warmRuns = 5

// measure runs each query cold (a fresh page, no cache), then the next
// query in the same page (later), then the same again warmRuns times (warm
// time).
func measure(base string, qs []corpus.Query, fn string) (*browserFigures, error) {
	path, err := exec.LookPath("chromium")
	if err != nil {
		return nil, err
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 20*time.Minute)
	defer cancel()
	noCache := chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := cdp.Call(ctx, t, network.Enable, network.EnableParams{}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, t, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true})
		return err
	})
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank"), noCache); err != nil {
		return nil, err
	}
	f := &browserFigures{}
	query := func(q string) (answer, error) {
		js, err := chromedp.Run(ctx, chromedp.Evaluate[string](fmt.Sprintf("(%s)(%q).then(JSON.stringify)", fn, q), chromedp.EvalAwaitPromise))
		var a answer
		if err == nil {
			err = json.Unmarshal([]byte(js), &a)
		}
		return a, err
	}
	for i, q := range qs {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/org/"), chromedp.WaitReady("body")); err != nil {
			return nil, err
		}
		time.Sleep(100 * time.Millisecond) // let the deferred client load; it counts
		sent.Store(0)
		if strings.Contains(fn, "handbook.search") {
			// The client came with the page: count it.
			if n, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`performance.getEntriesByType("resource").filter((e) => /search/.test(e.name)).reduce((a, e) => a + e.encodedBodySize, 0)`)); err == nil {
				sent.Add(int64(n))
			}
		}
		a, err := query(q.Q)
		if err != nil {
			return nil, fmt.Errorf("%q: %w", q.Q, err)
		}
		f.cold = append(f.cold, float64(sent.Load()))
		f.urls = append(f.urls, a.URLs)
		next := qs[(i+1)%len(qs)].Q
		sent.Store(0)
		if _, err := query(next); err != nil {
			return nil, err
		}
		f.later = append(f.later, float64(sent.Load()))
		runs := make([]float64, 0, warmRuns)
		for range warmRuns {
			a, err = query(next)
			if err != nil {
				return nil, err
			}
			runs = append(runs, a.MS)
		}
		slices.Sort(runs)
		f.warm = append(f.warm, runs[len(runs)/2])
		f.warmQ = append(f.warmQ, next)
	}
	return f, nil
}

// slowest names the n warm queries that took longest, slowest first, so a
// regression in the query time shows which queries pay for it.
func (f *browserFigures) slowest(n int) string {
	idx := make([]int, len(f.warm))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int { return cmp.Compare(f.warm[b], f.warm[a]) })
	var parts []string
	for _, i := range idx[:min(n, len(idx))] {
		parts = append(parts, fmt.Sprintf("%q %.2f ms", f.warmQ[i], f.warm[i]))
	}
	return strings.Join(parts, ", ")
}
