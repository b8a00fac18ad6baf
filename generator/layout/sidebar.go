package layout

import (
	"bytes"
	"html/template"
	"sort"
	"strings"
	"sync"
	"unsafe"
)

// A sidebar is most of a page's HTML (the open branch lists every page of
// its folder) and the same for every page of the branch. Printing it through
// the template, scanning it for links to rewrite and copying it to mark the
// current page cost more than the rest of the page. So a page's template
// runs with a short placeholder in place of the sidebar, and Render splices
// in a copy of the sidebar made relative once per depth, with the current
// page's mark inserted at an offset found once per sidebar.

// sidebarPlaceholder stands for the sidebar while a page's template runs.
// A template prints it unchanged only where it prints the sidebar as HTML;
// anywhere else (an attribute, a script) it is escaped, is not found, and
// Render falls back to rendering the sidebar in place.
const sidebarPlaceholder = "\x00hb-sidebar\x00"

// currentMark is what marks the current page's link in the sidebar.
const currentMark = ` aria-current="page"`

// sidebarHTML is what Render knows about one rendered sidebar.
type sidebarHTML struct {
	src []byte
	// hrefEnd maps the value of each href, as written, to the offset just
	// after its closing quote, for its first occurrence.
	hrefEnd map[string]int
	// links are the offsets of the link values relative rewrites, in
	// order; they do not depend on the page's depth, only on the base.
	links []int

	mu   sync.Mutex
	byUp map[string][]byte // the sidebar made relative, by the prefix up
}

// sidebarKey identifies a sidebar by its memory: the pages of a branch share
// one string, so finding it again costs a map lookup, not a hash of its
// bytes. The pointer keeps the string alive while the entry exists, so no
// other string can take its address.
type sidebarKey struct {
	p *byte
	n int
}

// Batch renders the pages of one build. The pages of a branch share its
// sidebar: a Batch makes it relative once per depth and finds each page's
// link in it with a map lookup. Render may be called from many goroutines.
type Batch struct {
	t        *Theme
	sidebars sync.Map  // sidebarKey → *sidebarHTML
	free     sync.Pool // *[]byte: pages' HTML given back by Recycle
}

// NewBatch starts a batch of pages. It keeps every sidebar it is given:
// make one per build, not one for the life of a server.
func (t *Theme) NewBatch() *Batch {
	return &Batch{t: t}
}

// Render returns the HTML of v, with v's own link in v.Sidebar marked as
// the current page. v.Sidebar is the sidebar of v's branch as
// Theme.Sidebar returned it, shared with the other pages of the branch.
func (b *Batch) Render(v *View) ([]byte, error) {
	return b.t.render(v, b, true)
}

// Recycle gives back html, which Render returned and which the caller no
// longer reads or keeps, for a later page's HTML. A build writes each
// page to a file and forgets it: at 10,000 pages, making a new slice for
// each was 220 MB of the 3.3 GB the build allocates, each byte of it a
// garbage collector's work.
func (b *Batch) Recycle(html []byte) {
	if cap(html) > 1<<22 { // a huge page: let it go, as putScratch does
		return
	}
	b.free.Put(&html)
}

// buffer returns a slice Recycle gave back, or nil.
func (b *Batch) buffer() []byte {
	if p, ok := b.free.Get().(*[]byte); ok {
		return *p
	}
	return nil
}

// sidebar returns what is known of html, working it out on first use.
func (b *Batch) sidebar(html template.HTML) *sidebarHTML {
	k := sidebarKey{unsafe.StringData(string(html)), len(html)}
	if v, ok := b.sidebars.Load(k); ok {
		return v.(*sidebarHTML)
	}
	t := b.t
	src := []byte(html)
	sb := &sidebarHTML{src: src, hrefEnd: map[string]int{}, byUp: map[string][]byte{}}
	for at := 0; ; {
		i := bytes.Index(src[at:], []byte(`href="`))
		if i < 0 {
			break
		}
		v := at + i + len(`href="`)
		end := bytes.IndexByte(src[v:], '"')
		if end < 0 {
			break
		}
		end += v
		if _, ok := sb.hrefEnd[string(src[v:end])]; !ok {
			sb.hrefEnd[string(src[v:end])] = end + 1
		}
		at = end + 1
	}
	needle := linkNeedle(t.base)
	for at := 0; ; {
		v := nextLink(src, at, needle)
		if v < 0 {
			break
		}
		sb.links = append(sb.links, v)
		at = v + len(t.base)
	}
	actual, _ := b.sidebars.LoadOrStore(k, sb)
	return actual.(*sidebarHTML)
}

// relative returns the sidebar with its site links starting with up; with
// up "", as written.
func (sb *sidebarHTML) relative(base, up string) []byte {
	if up == "" {
		return sb.src
	}
	sb.mu.Lock()
	defer sb.mu.Unlock()
	if b, ok := sb.byUp[up]; ok {
		return b
	}
	b := appendRelative(make([]byte, 0, len(sb.src)+len(sb.links)*(len(up)-len(base))), sb.src, base, up)
	sb.byUp[up] = b
	return b
}

// markAt returns where, in the sidebar made relative with up, the current
// page's mark goes: after the first href whose value is href. It is -1 when
// the sidebar has no link to the page.
func (sb *sidebarHTML) markAt(href, base, up string) int {
	i, ok := sb.hrefEnd[href]
	if !ok {
		return -1
	}
	if up == "" {
		return i
	}
	// Each rewritten link before i moved it by the difference in length.
	return i + sort.SearchInts(sb.links, i)*(len(up)-len(base))
}

// hrefValue returns the value of the href the sidebar template writes for a
// link to url, escaping included, as MarkCurrent looks for it.
func (t *Theme) hrefValue(url string) (string, bool) {
	if u := t.URL(url); plainURL(u) {
		return u, true // no escaper changes it
	}
	var buf strings.Builder
	if err := t.href.Execute(&buf, url); err != nil {
		return "", false
	}
	s := buf.String()
	return strings.TrimSuffix(strings.TrimPrefix(s, `<a href="`), `">`), true
}

// plainURL reports whether u has only bytes that html/template's URL
// filter, normaliser and attribute escaper all leave alone.
func plainURL(u string) bool {
	for i := 0; i < len(u); i++ {
		c := u[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
			return false
		}
	}
	return true
}
