package layout

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"sync"

	"github.com/teamhandbook/handbook/generator/markdown"
	"github.com/teamhandbook/handbook/generator/nav"
	"github.com/teamhandbook/handbook/generator/org"
	"github.com/teamhandbook/handbook/generator/page"
)

// Site is what every page knows of the site.
type Site struct {
	Title string
}

// View is the data a page template receives. Fields that do not apply to a
// page's kind are nil.
type View struct {
	Site    Site
	Kind    string // role, process, ladder, team, page, section, org, 404
	Title   string
	TitleID string // id of the "# heading" the title came from, so links to it work
	Summary string
	URL     string
	Page    *page.Page // nil for generated pages
	Content template.HTML
	TOC     []markdown.Heading
	Crumbs  []*nav.Item
	Prev    *nav.Item
	Next    *nav.Item
	Sidebar template.HTML // from Theme.Sidebar; Batch.Render marks the current page in it
	EditURL string
	Meta    PageMeta      // owner, last change and review date (pagemeta.go)
	Reviews []ReviewGroup // the needs-review page's list

	Backlinks []*page.Page

	Role    *org.Role
	Team    *org.Team
	Process *org.Process
	Ladder  *org.Ladder

	Section      *nav.Section // for a folder's index page
	SectionPages []*page.Page // what the index lists

	Graph *org.Graph
	Chart []*org.Node

	Skill     *org.Skill       // a skill page
	Checklist []ChecklistGroup // an onboarding path (Role is the role)
}

// Template returns the template file that renders v.
func (v *View) Template() string {
	switch v.Kind {
	case "role", "process", "ladder", "team", "org", "404", "review", "skill", "onboarding", "start", "skills":
		return v.Kind + ".html"
	}
	return "page.html"
}

// Render returns the HTML of v, its sidebar as v.Sidebar has it.
func (t *Theme) Render(v *View) ([]byte, error) {
	return t.render(v, t.NewBatch(), false)
}

// render runs v's template and makes its links relative. The sidebar is
// spliced in afterwards (sidebar.go); mark marks v's link in it.
func (t *Theme) render(v *View, b *Batch, mark bool) ([]byte, error) {
	sc := getScratch()
	defer putScratch(sc)
	vv := *v
	if v.Sidebar != "" {
		vv.Sidebar = sidebarPlaceholder
	}
	if err := t.execute(&sc.buf, &vv); err != nil {
		return nil, err
	}
	html := sc.buf.Bytes()
	var dst []byte
	if b != nil {
		dst = b.buffer()
	}
	up := ""
	if v.Kind != "404" { // served at any URL, so its links start at the root
		up = upTo(OutputPath(v.URL))
	}
	if v.Sidebar == "" {
		return t.relative(dst, sc, html, up, nil, -1), nil
	}
	if bytes.Count(html, []byte(sidebarPlaceholder)) != bytes.Count(html, []byte(sidebarPlaceholder[1:len(sidebarPlaceholder)-1])) {
		// The template printed the sidebar where it is escaped (or the
		// page's text names the placeholder): render it in place.
		vv.Sidebar = v.Sidebar
		if mark {
			vv.Sidebar = t.MarkCurrent(v.Sidebar, v.URL)
		}
		sc.buf.Reset()
		if err := t.execute(&sc.buf, &vv); err != nil {
			return nil, err
		}
		return t.relative(dst, sc, sc.buf.Bytes(), up, nil, -1), nil
	}
	sb := b.sidebar(v.Sidebar)
	at := -1
	if mark {
		if href, ok := t.hrefValue(v.URL); ok {
			at = sb.markAt(href, t.base, up)
		}
	}
	return t.relative(dst, sc, html, up, sb.relative(t.base, up), at), nil
}

func (t *Theme) execute(buf *bytes.Buffer, v *View) error {
	if err := t.pages[v.Template()].ExecuteTemplate(buf, "base.html", v); err != nil {
		return fmt.Errorf("render %s: %w", v.URL, err)
	}
	return nil
}

// relative returns html with its site links starting with up (none
// rewritten when up is "") and each sidebar placeholder replaced by
// sidebar, marked at offset at unless at is -1. The result is written
// into dst when it fits, else allocated once, at its final size: the
// caller may keep it.
func (t *Theme) relative(dst []byte, sc *scratch, html []byte, up string, sidebar []byte, at int) []byte {
	sc.links = sc.links[:0]
	if up != "" {
		for i := 0; ; {
			v := nextLink(html, i, t.needle)
			if v < 0 {
				break
			}
			sc.links = append(sc.links, v)
			i = v + len(t.base)
		}
	}
	size := len(html) + len(sc.links)*(len(up)-len(t.base))
	n := 0
	if sidebar != nil {
		n = bytes.Count(html, []byte(sidebarPlaceholder))
		size += n * (len(sidebar) - len(sidebarPlaceholder))
		if at >= 0 {
			size += n * len(currentMark)
		}
	}
	out := dst[:0]
	if cap(out) < size {
		out = make([]byte, 0, size)
	}
	done := 0 // html[:done] is in out
	links := sc.links
	for {
		next := -1
		if n > 0 {
			next = bytes.Index(html[done:], []byte(sidebarPlaceholder))
		}
		end := len(html)
		if next >= 0 {
			end = done + next
		}
		for len(links) > 0 && links[0] < end {
			out = append(out, html[done:links[0]]...)
			out = append(out, up...)
			done = links[0] + len(t.base)
			links = links[1:]
		}
		out = append(out, html[done:end]...)
		if next < 0 {
			return out
		}
		if at >= 0 {
			out = append(out, sidebar[:at]...)
			out = append(out, currentMark...)
			out = append(out, sidebar[at:]...)
		} else {
			out = append(out, sidebar...)
		}
		done = end + len(sidebarPlaceholder)
	}
}

// scratch is the memory one render works in, reused across renders: a
// page's template output, which is copied once into the page.
type scratch struct {
	buf   bytes.Buffer
	links []int
}

var scratches = sync.Pool{New: func() any { return new(scratch) }}

func getScratch() *scratch { return scratches.Get().(*scratch) }

func putScratch(sc *scratch) {
	if sc.buf.Cap() > 1<<22 { // a huge page: let it go
		return
	}
	sc.buf.Reset()
	scratches.Put(sc)
}

// Redirect returns the page that sends readers of an old URL to v.
func (t *Theme) Redirect(v *View) ([]byte, error) {
	var buf bytes.Buffer
	if err := t.redirect.Execute(&buf, v); err != nil {
		return nil, fmt.Errorf("render redirect to %s: %w", v.URL, err)
	}
	return buf.Bytes(), nil
}

// Sidebar renders a sidebar tree. Pages that share a tree share its HTML:
// MarkCurrent then marks each page's own link.
func (t *Theme) Sidebar(items []*nav.Item) (template.HTML, error) {
	var buf bytes.Buffer
	if err := t.pages["page.html"].ExecuteTemplate(&buf, "sidebar", items); err != nil {
		return "", fmt.Errorf("render sidebar: %w", err)
	}
	return template.HTML(buf.String()), nil
}

// MarkCurrent marks the link to url in a rendered sidebar as the current
// page. The link is found as the template wrote it, escaping included.
func (t *Theme) MarkCurrent(sidebar template.HTML, url string) template.HTML {
	var buf strings.Builder
	if err := t.href.Execute(&buf, url); err != nil {
		return sidebar
	}
	href := strings.TrimSuffix(strings.TrimPrefix(buf.String(), "<a "), ">")
	s := string(sidebar)
	i := strings.Index(s, href)
	if i < 0 {
		return sidebar
	}
	i += len(href)
	return template.HTML(s[:i] + ` aria-current="page"` + s[i:])
}
