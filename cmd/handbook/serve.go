package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

func serve(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var b buildFlags
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	b.register(fs)
	addr := fs.String("addr", "127.0.0.1:1313", "the `address` to listen on; loopback unless you say otherwise")
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	cfg, err := b.config()
	if err != nil {
		return err
	}
	cfg.History = siteHistory(ctx, b.source, stderr)
	cfg.RepoDir = editRepoDir(ctx, b.source)
	rep, err := runBuild(ctx, cfg, stderr)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if errors.Is(err, syscall.EADDRINUSE) {
		return fmt.Errorf("%s is in use: another server is running there; try --addr %s", *addr, nextPort(*addr))
	}
	if err != nil {
		return err
	}
	if host, _, _ := net.SplitHostPort(*addr); host != "127.0.0.1" && host != "localhost" && host != "::1" {
		fmt.Fprintf(stderr, "warning: serving on %s, reachable from other machines\n", *addr)
	}
	fmt.Fprintf(stdout, "serving the handbook at http://%s%s (Ctrl-C to stop)\n", ln.Addr(), rep.BasePath)
	srv := &http.Server{Handler: siteHandler(cfg.Dest, rep.BasePath), ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// siteHandler serves the built site and nothing else: no directory
// listings, the site's 404 page for anything missing. A site whose base_url
// has a path ("/handbook/") is served under that path, as it will be
// published, so that its links work.
func siteHandler(dir, base string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	prefix := strings.TrimSuffix(base, "/")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Content-Type-Options", "nosniff")
		if r.URL.Path == "/" && prefix != "" {
			http.Redirect(w, r, base, http.StatusFound)
			return
		}
		rest, ok := strings.CutPrefix(r.URL.Path, prefix)
		if !ok || (rest != "" && rest[0] != '/') {
			notFound(w, dir)
			return
		}
		if rest == "" {
			rest = "/"
		}
		name := path.Clean("/" + rest)
		if strings.HasSuffix(rest, "/") {
			name = path.Join(name, "index.html")
		}
		if info, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name))); err != nil || info.IsDir() {
			if err == nil && info.IsDir() {
				// Redirect to the cleaned path, never to one the client
				// wrote: "//evil.example" would leave the site.
				http.Redirect(w, r, prefix+path.Clean("/"+rest)+"/", http.StatusMovedPermanently)
				return
			}
			notFound(w, dir)
			return
		}
		r2 := r.Clone(r.Context())
		r2.URL.Path = rest
		files.ServeHTTP(w, r2)
	})
}

func notFound(w http.ResponseWriter, dir string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	if page, err := os.ReadFile(filepath.Join(dir, "404.html")); err == nil {
		w.Write(page)
	}
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
