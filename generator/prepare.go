package generator

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"github.com/teamhandbook/handbook/generator/markdown"
	"github.com/teamhandbook/handbook/generator/stash"
)

// A parsed Markdown body (its goldmark tree) takes about ten times the
// memory of its source: a build that kept every page's tree from loading
// to rendering held 220 MB of trees at 10,000 pages. So `handbook build`
// does everything it needs the tree for while the page is being parsed,
// in load's workers, and keeps only the results (a prepared body):
//
//   - the title, headings and links, which validation reads (a Doc
//     without its tree: see strip);
//   - the body's HTML, rendered before the links are resolved, with a
//     placeholder where each link's destination goes. Rendering needs the
//     URL each link becomes, which is known only once every page is loaded
//     and the links are checked; the placeholders are replaced by those
//     URLs when the page is written (resolve);
//   - the body's text by section, for the search index.
//
// serve's Builder keeps whole Docs instead (it re-parses only the pages
// that change), and renders from them: s.prepared is nil there.

// bodyNeeds says what a caller of validate needs of page bodies beyond
// validation: Organisation needs nothing more, SearchPages the text.
type bodyNeeds uint8

const (
	needHTML bodyNeeds = 1 << iota
	needText
)

// preparedBody is what a build keeps of a page's Markdown once its tree is
// dropped. With a stash, the HTML and the text wait there, not in memory
// (114 MB at 10,000 pages): only their places are kept.
type preparedBody struct {
	html     string   // with placeholders; "" when not needed or stashed
	dests    []string // placeholder i stands for the destination dests[i]
	intro    string   // the text before the first section ("" when stashed)
	sections []markdown.Section
	taken    bool // the HTML was used and let go (take)

	htmlAt, textAt stash.Ref
	stashed        bool // the HTML is at htmlAt, the intro and sections at textAt (bodytext.go)
}

// placeholders makes the stand-ins for link destinations in prepared HTML:
// the prefix, then the destination's number and an "x". They are letters
// and digits only, which the Markdown renderer writes unchanged into an
// href or src. The prefix is random per build, so that no page can write
// it on purpose; prepare checks anyway that each appears exactly where a
// link put it.
type placeholders struct {
	prefix string
	stash  *stash.Stash // where prepared bodies wait; nil: in memory
}

func newPlaceholders() placeholders {
	return placeholders{prefix: fmt.Sprintf("hbdest%016xx", rand.Uint64())}
}

// bufs holds the buffers bodies are rendered into, and stashed bodies read
// back into (take): one per worker in practice, instead of one growing
// buffer per page.
var bufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// prepare does what a build needs of d's tree, as needs says, and returns
// the result. ok is false in the one case it cannot help: the rendered
// HTML holds the placeholder prefix other than where links put it (text
// that happens to spell it); the caller then keeps d's tree and renders
// it when writing, as serve does.
func (ph placeholders) prepare(md *markdown.Renderer, d *markdown.Doc, needs bodyNeeds) (pb *preparedBody, ok bool, err error) {
	pb = &preparedBody{}
	if needs&needText != 0 {
		pb.intro, pb.sections = d.Sections()
	}
	if needs&needHTML == 0 {
		return pb, true, nil
	}
	index := map[string]int{}
	calls := 0
	rewrite := func(dest string) string {
		calls++
		i, ok := index[dest]
		if !ok {
			i = len(pb.dests)
			index[dest] = i
			pb.dests = append(pb.dests, dest)
		}
		return ph.prefix + strconv.Itoa(i) + "x"
	}
	buf := bufs.Get().(*bytes.Buffer)
	defer bufs.Put(buf)
	buf.Reset()
	if err := md.Render(buf, d, rewrite); err != nil {
		return nil, false, err
	}
	if bytes.Count(buf.Bytes(), []byte(ph.prefix)) != calls {
		return nil, false, nil
	}
	// A stash that fails (a full disk) costs memory, nothing else: the
	// body stays here.
	if ph.stash == nil || ph.stashBody(pb, buf.Bytes()) != nil {
		pb.html = buf.String()
	}
	return pb, true, nil
}

// stashBody puts html, pb's HTML, and pb's text in the stash. On error pb
// is as it was.
func (ph placeholders) stashBody(pb *preparedBody, html []byte) error {
	buf := bufs.Get().(*bytes.Buffer)
	defer bufs.Put(buf)
	buf.Reset()
	buf.Write(appendBodyText(buf.AvailableBuffer(), pb.intro, pb.sections))
	textAt, err := ph.stash.Put(buf.Bytes())
	if err != nil {
		return err
	}
	htmlAt, err := ph.stash.Put(html)
	if err != nil {
		return err
	}
	pb.textAt, pb.htmlAt = textAt, htmlAt
	pb.intro, pb.sections, pb.stashed = "", nil, true
	return nil
}

// text returns the body's text: the intro and the sections.
func (ph placeholders) text(pb *preparedBody) (string, []markdown.Section, error) {
	if !pb.stashed {
		return pb.intro, pb.sections, nil
	}
	rec, err := ph.stash.Get(pb.textAt)
	if err != nil {
		return "", nil, err
	}
	return parseBodyText(rec)
}

// take returns the body's HTML, its destinations filled in by rewrite,
// and lets go of the prepared HTML: a page is rendered once per build, and
// holding every body until the last page is written would keep 50 MB of
// HTML alive at 10,000 pages.
func (ph placeholders) take(pb *preparedBody, rewrite func(string) string) (template.HTML, error) {
	if pb.taken {
		return "", errors.New("internal error: a page's prepared body was used twice")
	}
	if pb.stashed && len(pb.dests) > 0 {
		// resolve copies the body as it puts the links in: read it into
		// memory the next page reuses (120 MB at 10,000 pages otherwise).
		buf := bufs.Get().(*bytes.Buffer)
		defer bufs.Put(buf)
		buf.Reset()
		buf.Grow(pb.htmlAt.Len())
		b, err := ph.stash.Append(buf.AvailableBuffer(), pb.htmlAt)
		if err != nil {
			return "", err
		}
		pb.html = unsafe.String(unsafe.SliceData(b), len(b)) // dropped below, before buf is reused
	} else if pb.stashed {
		html, err := ph.stash.Get(pb.htmlAt)
		if err != nil {
			return "", err
		}
		pb.html = html
	}
	html := ph.resolve(pb, rewrite)
	pb.html, pb.dests, pb.taken = "", nil, true
	return html, nil
}

// resolve returns the body's HTML with each placeholder replaced by what
// the Markdown renderer would have written for the destination rewrite
// gives: TestPreparedBodies checks that the two agree.
func (ph placeholders) resolve(pb *preparedBody, rewrite func(string) string) template.HTML {
	if len(pb.dests) == 0 {
		return template.HTML(pb.html)
	}
	attrs := make([]string, len(pb.dests))
	for i, d := range pb.dests {
		attrs[i] = destAttr(rewrite(d))
	}
	var b strings.Builder
	b.Grow(len(pb.html) + len(pb.dests)*16)
	rest := pb.html
	for {
		at := strings.Index(rest, ph.prefix)
		if at < 0 {
			b.WriteString(rest)
			break
		}
		b.WriteString(rest[:at])
		rest = rest[at+len(ph.prefix):]
		end := strings.IndexByte(rest, 'x')
		i, _ := strconv.Atoi(rest[:end]) // prepare wrote it: digits, then "x"
		b.WriteString(attrs[i])
		rest = rest[end+1:]
	}
	return template.HTML(b.String())
}

// destAttr is a link destination as the Markdown renderer writes it into
// an attribute: percent-escaped where URLs need it, HTML-escaped, and empty
// when its scheme could run code.
func destAttr(dest string) string {
	b := util.URLEscape([]byte(dest), false)
	if html.IsDangerousURL(b) {
		return ""
	}
	return string(util.EscapeHTML(b))
}

// strip returns a Doc with d's title, headings and links, and no tree:
// what validation and the page's view read. Its Render and Sections must
// not be called.
func strip(d *markdown.Doc) *markdown.Doc {
	return &markdown.Doc{Title: d.Title, Headings: d.Headings, Links: d.Links}
}
