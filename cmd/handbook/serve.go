package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	iofs "io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/teamhandbook/handbook"
	"github.com/teamhandbook/handbook/generator"
	"github.com/teamhandbook/handbook/generator/diag"
	"github.com/teamhandbook/handbook/generator/preview"
	"github.com/teamhandbook/handbook/generator/watch"
)

// serveFlags are serve's command line.
type serveFlags struct {
	source string
	strict bool
	addr   string
	open   bool
	poll   time.Duration
}

func serve(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var f serveFlags
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.StringVar(&f.source, "source", ".", "the site `folder`, holding content/")
	fs.BoolVar(&f.strict, "strict", false, "treat warnings as errors")
	fs.StringVar(&f.addr, "addr", "127.0.0.1:1313", "the `address` to listen on; loopback unless you say otherwise")
	fs.BoolVar(&f.open, "open", false, "open the site in the default browser")
	fs.DurationVar(&f.poll, "poll", 0, "look for changes this often (e.g. 500ms) instead of waiting for file system events, which do not arrive on WSL, Docker bind mounts and network drives")
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	if f.poll < 0 {
		return fmt.Errorf("%w: --poll must be positive", errUsage)
	}
	ln, err := listen(f.addr, stderr)
	if err != nil {
		return err
	}
	defer ln.Close()
	site := os.DirFS(f.source)
	p := &previewer{
		builder: generator.NewBuilder(generator.Config{
			Site:      site,
			Templates: handbook.Templates(),
			Assets:    handbook.Assets(),
			Strict:    f.strict,
			History:   historyLater(ctx, f.source, stderr),
			RepoDir:   editRepoDir(ctx, f.source),
		}),
		server: preview.New(),
		site:   site,
		out:    stderr,
	}
	rep, err := p.rebuild(ctx, nil)
	if err != nil && !errors.Is(err, generator.ErrContent) {
		return err // no site to show at all: no content/ folder, say
	}
	// The first site is shown whole; later, each search index follows
	// its pages (see indexed below).
	if job := p.builder.Search(); job != nil {
		job.Run()
		p.index(job)
	}
	w, err := watch.New(ctx, f.source, watch.Options{Poll: f.poll})
	if err != nil {
		return err
	}
	url := fmt.Sprintf("http://%s%s", ln.Addr(), rep.BasePath)
	if rep.BasePath == "" {
		url = fmt.Sprintf("http://%s/", ln.Addr())
	}
	fmt.Fprintf(stdout, "serving the handbook at %s (Ctrl-C to stop)\n", url)
	if f.open {
		openBrowser(url, stderr)
	}
	srv := &http.Server{
		Handler:           p.server,
		ReadHeaderTimeout: 10 * time.Second,
		// Requests end with ctx, so that the live-reload streams do not
		// hold up shutdown.
		BaseContext: func(net.Listener) context.Context { return ctx },
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	// The search index takes seconds on a large handbook: it is built on
	// another goroutine and swapped in when ready, so that a page edit
	// reloads without waiting for it. One index at a time: those of builds
	// that came while one was being made would be thrown away, and would
	// slow the next rebuild. It starts once edits pause (indexAfter), so
	// that a burst of saves is not slowed by indexing each of them on a
	// machine with few cores.
	indexed := make(chan *generator.SearchJob, 1)
	idle := time.NewTimer(time.Hour)
	idle.Stop()
	defer idle.Stop()
	indexing := false
	startIndex := func() {
		if indexing {
			return
		}
		job := p.builder.Search()
		if job == nil {
			return
		}
		indexing = true
		go func() {
			job.Run()
			select {
			case indexed <- job:
			case <-ctx.Done():
			}
		}()
	}
	for {
		select {
		case <-ctx.Done():
			shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			srv.Shutdown(shutdown)
			fmt.Fprintln(stderr, "stopped")
			return nil
		case err := <-served:
			return err
		case err := <-w.Errors:
			fmt.Fprintf(stderr, "warning: %v\n", err)
		case changed := <-w.Batches:
			if _, err := p.rebuild(ctx, changed); err == nil {
				idle.Reset(indexAfter)
			}
		case <-idle.C:
			startIndex()
		case job := <-indexed:
			indexing = false
			p.index(job)
			idle.Reset(indexAfter) // the builds since job began: the latest one's index
		}
	}
}

// indexAfter is how long serve waits after a rebuild, with no further
// edits, before it builds the search index.
const indexAfter = 750 * time.Millisecond

// listen opens addr, explaining the common failures.
func listen(addr string, stderr io.Writer) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if errors.Is(err, syscall.EADDRINUSE) {
		return nil, fmt.Errorf("%s is in use: another server is running there; try --addr %s", addr, nextPort(addr))
	}
	if err != nil {
		return nil, err
	}
	if host, _, _ := net.SplitHostPort(addr); host != "127.0.0.1" && host != "localhost" && host != "::1" {
		fmt.Fprintf(stderr, "warning: serving on %s, reachable from other machines\n", addr)
	}
	return ln, nil
}

// previewer rebuilds the site and shows each outcome.
type previewer struct {
	builder *generator.Builder
	server  *preview.Server
	site    iofs.FS
	out     io.Writer
}

// rebuild builds after changed, prints the diagnostics once, and updates
// the server: the new site, or the errors over the last good one.
func (p *previewer) rebuild(ctx context.Context, changed []string) (*generator.Report, error) {
	snap, rep, err := p.builder.Build(ctx, changed)
	rep.Diagnostics.Print(p.out)
	if err != nil {
		var shown error
		if !errors.Is(err, generator.ErrContent) {
			shown = err
		}
		p.server.Update(preview.Update{Overlay: preview.Overlay(rep.Diagnostics, shown, p.site)})
		if errors.Is(err, generator.ErrContent) {
			fmt.Fprintf(p.out, "%d errors; the browser shows them over the last good version\n", rep.Diagnostics.Count(diag.Error))
		} else {
			fmt.Fprintf(p.out, "handbook: %v\n", err)
		}
		return rep, err
	}
	p.server.Update(preview.Update{Snapshot: snap, CSSOnly: stylesOnly(changed)})
	warn := ""
	if n := rep.Diagnostics.Count(diag.Warning); n > 0 {
		warn = fmt.Sprintf(", %d warnings", n)
	}
	if changed == nil {
		fmt.Fprintf(p.out, "built %d pages in %v%s\n", rep.Pages, rep.Duration.Round(time.Millisecond), warn)
	} else {
		fmt.Fprintf(p.out, "rebuilt in %v: %d pages rendered again (%s)%s\n", rep.Duration.Round(time.Millisecond), rep.Rendered, strings.Join(changed, ", "), warn)
	}
	return rep, nil
}

// index shows the site with job's search index, unless a later build
// has replaced job's. Open pages are not reloaded: they show the same.
func (p *previewer) index(job *generator.SearchJob) {
	if snap, ok := p.builder.WithSearch(job); ok {
		p.server.Update(preview.Update{Snapshot: snap, Quiet: true})
	} else if err := job.Err(); err != nil {
		fmt.Fprintf(p.out, "handbook: search index: %v\n", err)
	}
}

// stylesOnly reports whether a batch changed stylesheets and nothing else.
func stylesOnly(changed []string) bool {
	for _, c := range changed {
		if !strings.HasPrefix(c, "assets/") || !strings.HasSuffix(c, ".css") {
			return false
		}
	}
	return len(changed) > 0
}

// openBrowser opens url in the default browser, without waiting for it.
func openBrowser(url string, stderr io.Writer) {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		fmt.Fprintf(stderr, "warning: could not open a browser: %v\n", err)
		return
	}
	go cmd.Wait()
}

// nextPort suggests the address one port up.
func nextPort(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	var n int
	fmt.Sscan(port, &n)
	return net.JoinHostPort(host, fmt.Sprint(n+1))
}
