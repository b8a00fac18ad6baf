// Package preview serves a site as `handbook serve` shows it while it is
// being edited: from memory, one whole build at a time, with a script that
// reloads the page after each rebuild, and, while the content has errors,
// an overlay listing them over the last good version of the site.
package preview

import (
	"bytes"
	_ "embed"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/teamhandbook/handbook/generator"
)

//go:embed live.js
var liveJS []byte

// Server is the http.Handler of serve. Update swaps what it serves at
// once: a request sees one build, never parts of two.
type Server struct {
	broker  *Broker
	state   atomic.Pointer[state]
	version atomic.Uint64
}

type state struct {
	snap    *generator.Snapshot // the last good build; nil before the first
	overlay []byte              // the errors of the latest build, as HTML; nil when it succeeded
	version string
}

// New returns a Server that has nothing to show yet.
func New() *Server {
	s := &Server{broker: NewBroker()}
	s.state.Store(&state{version: "0"})
	return s
}

// Broker returns the server's event broker.
func (s *Server) Broker() *Broker { return s.broker }

// Update is the outcome of one build.
type Update struct {
	Snapshot *generator.Snapshot // the new site, nil when the build failed
	Overlay  []byte              // the errors, from Overlay, when it failed
	CSSOnly  bool                // only stylesheets changed: swap them, do not reload
	// Quiet swaps in a snapshot that open pages need not reload for: the
	// same build with its search index (generator.SearchJob).
	Quiet bool
}

// Update shows the outcome of a build and tells the open pages.
func (s *Server) Update(u Update) {
	old := s.state.Load()
	if u.Quiet {
		// The version stays, so that a page that reconnects does not
		// reload for it; the overlay stays, if a later build has one.
		s.state.Store(&state{snap: u.Snapshot, overlay: old.overlay, version: old.version})
		return
	}
	st := &state{snap: u.Snapshot, overlay: u.Overlay, version: strconv.FormatUint(s.version.Add(1), 10)}
	if st.snap == nil {
		st.snap = old.snap
	}
	s.state.Store(st)
	name := "reload"
	if u.CSSOnly && u.Overlay == nil && old.overlay == nil {
		name = "css"
	}
	s.broker.Publish(Event{Name: name, Data: st.version})
}

// ServeHTTP serves the site: no directory listings, the site's 404 page for
// anything missing, under the path of base_url when it has one.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "no-store")
	st := s.state.Load()
	switch r.URL.Path {
	case "/_handbook/events":
		s.broker.serveEvents(w, r, st.version)
		return
	case "/_handbook/live.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Write(liveJS)
		return
	}
	if st.snap == nil {
		// No build has succeeded yet: the errors are all there is.
		s.writeHTML(w, http.StatusServiceUnavailable, st, []byte("<!doctype html><title>handbook</title><body></body>"))
		return
	}
	base := st.snap.BasePath
	prefix := strings.TrimSuffix(base, "/")
	if r.URL.Path == "/" && prefix != "" {
		http.Redirect(w, r, base, http.StatusFound)
		return
	}
	rest, ok := strings.CutPrefix(r.URL.Path, prefix)
	if !ok || (rest != "" && rest[0] != '/') {
		s.notFound(w, st)
		return
	}
	if rest == "" {
		rest = "/"
	}
	name := path.Clean("/" + rest)
	if strings.HasSuffix(rest, "/") {
		name = path.Join(name, "index.html")
	}
	data, found := st.snap.File(strings.TrimPrefix(name, "/"))
	if !found {
		if _, dir := st.snap.File(strings.TrimPrefix(path.Join(name, "index.html"), "/")); dir {
			// Redirect to the cleaned path, never to one the client
			// wrote: "//evil.example" would leave the site.
			http.Redirect(w, r, prefix+path.Clean("/"+rest)+"/", http.StatusMovedPermanently)
			return
		}
		s.notFound(w, st)
		return
	}
	if path.Ext(name) == ".html" {
		s.writeHTML(w, http.StatusOK, st, data)
		return
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("X-Handbook-Build", strconv.FormatUint(st.snap.ID, 10))
	http.ServeContent(w, r, name, zeroTime, bytes.NewReader(data))
}

func (s *Server) notFound(w http.ResponseWriter, st *state) {
	page, _ := st.snap.File("404.html")
	s.writeHTML(w, http.StatusNotFound, st, page)
}

// writeHTML writes a page with the live-reload script and, when the latest
// build failed, the overlay.
func (s *Server) writeHTML(w http.ResponseWriter, code int, st *state, page []byte) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if st.snap != nil {
		w.Header().Set("X-Handbook-Build", strconv.FormatUint(st.snap.ID, 10))
	}
	w.WriteHeader(code)
	w.Write(Inject(page, st.overlay, st.version))
}

// Inject adds the overlay and the live-reload script at the end of an HTML
// page's body.
func Inject(page, overlay []byte, version string) []byte {
	script := `<script src="/_handbook/live.js" data-version="` + version + `" defer></script>`
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(overlay)+len(script))
	out = append(out, page[:i]...)
	out = append(out, overlay...)
	out = append(out, script...)
	return append(out, page[i:]...)
}
