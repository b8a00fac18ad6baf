package preview

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/teamhandbook/handbook"
	"github.com/teamhandbook/handbook/generator"
	"github.com/teamhandbook/handbook/generator/diag"
)

func TestBrokerFansOut(t *testing.T) {
	b := NewBroker()
	a, cancelA := b.Subscribe()
	c, cancelC := b.Subscribe()
	b.Publish(Event{"reload", "1"})
	for _, ch := range []<-chan Event{a, c} {
		if e := <-ch; e != (Event{"reload", "1"}) {
			t.Errorf("got %v", e)
		}
	}
	cancelA()
	if n := b.Clients(); n != 1 {
		t.Errorf("%d clients after one left; want 1", n)
	}
	cancelC()
	b.Publish(Event{"reload", "2"}) // no one listening: must not block
}

// sse reads the events of one connection.
type sse struct{ r *bufio.Reader }

func (s sse) next(t *testing.T) Event {
	t.Helper()
	var e Event
	for {
		line, err := s.r.ReadString('\n')
		if err != nil {
			t.Fatalf("reading events: %v", err)
		}
		line = strings.TrimRight(line, "\n")
		switch {
		case line == "" && e.Name != "":
			return e
		case strings.HasPrefix(line, "event: "):
			e.Name = line[len("event: "):]
		case strings.HasPrefix(line, "data: "):
			e.Data = line[len("data: "):]
		}
	}
}

func connect(t *testing.T, url string) sse {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url+"/_handbook/events", nil)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := res.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events Content-Type %q", ct)
	}
	return sse{bufio.NewReader(res.Body)}
}

func testSite() fstest.MapFS {
	return fstest.MapFS{
		"content/_index.md":   {Data: []byte("# Home\n\nWelcome.\n")},
		"content/guide/a.md":  {Data: []byte("# A\n\ngen 0\n")},
		"content/guide/b.md":  {Data: []byte("# B\n\ngen 0\n")},
		"content/roles/x.md":  {Data: []byte("---\ntitle: X\n---\nRole.\n")},
		"content/img/pic.png": {Data: []byte("\x89PNG")},
	}
}

func build(t *testing.T, b *generator.Builder, changed []string) *generator.Snapshot {
	t.Helper()
	snap, rep, err := b.Build(context.Background(), changed)
	if err != nil {
		t.Fatalf("build: %v\n%s", err, rep.Diagnostics)
	}
	return snap
}

func get(t *testing.T, url string) (*http.Response, string) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	return res, string(body)
}

func TestServerReloadsAndShowsErrors(t *testing.T) {
	fsys := testSite()
	b := generator.NewBuilder(generator.Config{Site: fsys, Templates: handbook.Templates(), Assets: handbook.Assets()})
	srv := New()
	srv.Update(Update{Snapshot: build(t, b, nil)})
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close) // after the event stream's cleanup, which closes it

	events := connect(t, ts.URL)
	if e := events.next(t); e.Name != "hello" || e.Data != "1" {
		t.Fatalf("first event %v; want hello 1", e)
	}
	res, body := get(t, ts.URL+"/guide/a/")
	if res.StatusCode != 200 || !strings.Contains(body, "gen 0") || !strings.Contains(body, `<script src="/_handbook/live.js" data-version="1" defer></script></body>`) {
		t.Fatalf("page: %d %s", res.StatusCode, body)
	}
	if res.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Error("no nosniff header")
	}
	// Only HTML gets the script.
	if _, body := get(t, ts.URL+"/img/pic.png"); body != "\x89PNG" {
		t.Errorf("static file served as %q", body)
	}

	// A successful rebuild reloads.
	fsys["content/guide/a.md"] = &fstest.MapFile{Data: []byte("# A\n\ngen 1\n")}
	srv.Update(Update{Snapshot: build(t, b, []string{"content/guide/a.md"})})
	if e := events.next(t); e.Name != "reload" || e.Data != "2" {
		t.Errorf("after a rebuild: %v; want reload 2", e)
	}

	// A failed one keeps the last good site and overlays the errors, escaped.
	fsys["content/guide/a.md"] = &fstest.MapFile{Data: []byte("# A\n\nline 3\nsee [x](nope.md) <script>\nline 5\n")}
	_, rep, err := b.Build(context.Background(), []string{"content/guide/a.md"})
	if !errors.Is(err, generator.ErrContent) {
		t.Fatalf("broken link built: %v", err)
	}
	srv.Update(Update{Overlay: Overlay(rep.Diagnostics, err, fsys)})
	if e := events.next(t); e.Name != "reload" {
		t.Errorf("after a failed rebuild: %v; want reload", e)
	}
	_, body = get(t, ts.URL+"/guide/a/")
	for _, want := range []string{"gen 1", `id="hb-overlay"`, "content/guide/a.md:4:5", "no page or file", "&lt;script&gt;", `<span class="ln">2</span>`, `<span class="ln">5</span>`} {
		if !strings.Contains(body, want) {
			t.Errorf("page during errors lacks %q:\n%s", want, body)
		}
	}
	if strings.Contains(body, "<script>\n") || strings.Contains(body, "<script>alert") {
		t.Error("source in the overlay is not escaped")
	}

	// A stylesheet-only success swaps stylesheets, but only once errors are gone.
	fsys["content/guide/a.md"] = &fstest.MapFile{Data: []byte("# A\n\ngen 2\n")}
	srv.Update(Update{Snapshot: build(t, b, []string{"content/guide/a.md"}), CSSOnly: true})
	if e := events.next(t); e.Name != "reload" {
		t.Errorf("fix after errors: %v; want reload, to remove the overlay", e)
	}
	srv.Update(Update{Snapshot: build(t, b, []string{"assets/style.css"}), CSSOnly: true})
	if e := events.next(t); e.Name != "css" {
		t.Errorf("stylesheet change: %v; want css", e)
	}
}

func TestServerPaths(t *testing.T) {
	b := generator.NewBuilder(generator.Config{Site: testSite(), Templates: handbook.Templates(), Assets: handbook.Assets()})
	srv := New()
	ts := httptest.NewServer(srv)
	defer ts.Close()
	// Before any build succeeded, every page is the error overlay.
	srv.Update(Update{Overlay: Overlay(diag.List{{Pos: diag.Position{File: "content/x.md", Line: 1}, Msg: "bad"}}, nil, testSite())})
	if res, body := get(t, ts.URL+"/"); res.StatusCode != 503 || !strings.Contains(body, "content/x.md:1") {
		t.Errorf("before the first build: %d %s", res.StatusCode, body)
	}
	srv.Update(Update{Snapshot: build(t, b, nil)})
	for _, tt := range []struct {
		path string
		code int
	}{
		{"/guide/a/", 200},
		{"/guide/a", 301},
		{"/guide/", 200}, // a generated folder index
		{"/../../etc/passwd", 404},
		{"/nope/", 404},
		{"/_handbook/live.js", 200},
	} {
		client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		res, err := client.Get(ts.URL + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != tt.code {
			t.Errorf("GET %s = %d; want %d", tt.path, res.StatusCode, tt.code)
		}
	}
}

// TestServerHammer serves pages to many clients while the site is rebuilt
// again and again. Each rebuild writes its number into two pages; every
// response must be whole and come from one build: the number in the page
// matches the build id in the header.
func TestServerHammer(t *testing.T) {
	fsys := testSite()
	b := generator.NewBuilder(generator.Config{Site: fsys, Templates: handbook.Templates(), Assets: handbook.Assets()})
	srv := New()
	srv.Update(Update{Snapshot: build(t, b, nil)})
	ts := httptest.NewServer(srv)
	defer ts.Close()

	var stop atomic.Bool
	var wg sync.WaitGroup
	var served atomic.Int64
	errs := make(chan error, 16)
	for c := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			page := []string{"/guide/a/", "/guide/b/"}[c%2]
			for !stop.Load() {
				res, err := http.Get(ts.URL + page)
				if err != nil {
					errs <- err
					return
				}
				body, err := io.ReadAll(res.Body)
				res.Body.Close()
				if err != nil || res.StatusCode != 200 {
					errs <- fmt.Errorf("GET %s: %d %v", page, res.StatusCode, err)
					return
				}
				var id int
				fmt.Sscan(res.Header.Get("X-Handbook-Build"), &id)
				if want := fmt.Sprintf("gen %d<", id-1); !strings.Contains(string(body), want) || !strings.HasSuffix(strings.TrimSpace(string(body)), "</html>") {
					errs <- fmt.Errorf("GET %s from build %d: torn or mixed page, no %q:\n%s", page, id, want, body)
					return
				}
				served.Add(1)
			}
		}()
	}
	const rebuilds = 60
	for i := 1; i <= rebuilds; i++ {
		for _, p := range []string{"content/guide/a.md", "content/guide/b.md"} {
			title := strings.ToUpper(p[len("content/guide/"):][:1])
			fsys[p] = &fstest.MapFile{Data: fmt.Appendf(nil, "# %s\n\ngen %d\n", title, i)}
		}
		srv.Update(Update{Snapshot: build(t, b, []string{"content/guide/a.md", "content/guide/b.md"})})
		time.Sleep(2 * time.Millisecond)
	}
	stop.Store(true)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if served.Load() < rebuilds {
		t.Errorf("only %d responses during %d rebuilds", served.Load(), rebuilds)
	}
}

// TestServerBasePath serves a site whose base_url has a path under that
// path, as it will be published.
func TestServerBasePath(t *testing.T) {
	fsys := testSite()
	fsys["handbook.yaml"] = &fstest.MapFile{Data: []byte("base_url: https://example.com/hb/\n")}
	b := generator.NewBuilder(generator.Config{Site: fsys, Templates: handbook.Templates(), Assets: handbook.Assets()})
	srv := New()
	srv.Update(Update{Snapshot: build(t, b, nil)})
	ts := httptest.NewServer(srv)
	defer ts.Close()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for _, tt := range []struct {
		path string
		code int
		loc  string
	}{
		{"/hb/guide/a/", 200, ""},
		{"/", 302, "/hb/"},
		{"/hb/guide/a", 301, "/hb/guide/a/"},
		{"/hb//guide/a", 301, "/hb/guide/a/"}, // never "//guide", another host
		{"/guide/a/", 404, ""},
		{"/hbx/guide/a/", 404, ""},
	} {
		res, err := client.Get(ts.URL + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != tt.code || res.Header.Get("Location") != tt.loc {
			t.Errorf("GET %s = %d Location %q; want %d %q", tt.path, res.StatusCode, res.Header.Get("Location"), tt.code, tt.loc)
		}
		if res.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("GET %s: no nosniff", tt.path)
		}
	}
}
