// Package nav computes, once per build, how pages are arranged: the folder
// sections, the sidebar tree, breadcrumbs and the reading order behind the
// previous/next links.
package nav

import (
	"path"
	"strconv"
	"strings"

	"github.com/teamhandbook/handbook/generator/page"
)

// Section is a folder under content/. It has a page at its URL: its landing
// page when it has one, a generated index otherwise.
type Section struct {
	Dir      string     // "content/roles"
	URL      string     // "/roles/"
	Title    string     // the landing page's title, or the folder name
	Landing  *page.Page // nil when the index is generated
	Kind     page.Kind  // the kind the folder holds ("" for plain folders)
	Pages    []*page.Page
	Sections []*Section
	Parent   *Section
	weight   int
}

// Item is an entry of the sidebar and of the reading order.
type Item struct {
	Title    string
	URL      string
	Children []*Item
	Branch   bool // has children in the whole tree, shown or not
	More     int  // set on the link that ends a cut folder's list: its entries past the limit
}

// SidebarLimit is how many entries of one folder the sidebar lists. A
// longer folder lists its first entries, any subfolder on the way to the
// page, and then a link to the folder's index page, which lists them all.
// The top level, which has no index page to send the rest to, is not cut.
// Listed in full, a folder of 1,000 roles put a 60 KB sidebar on each of
// their pages, and a handbook's output grew with the square of its largest
// folder; Docsy cuts its sidebar at 50 entries for the same reason.
const SidebarLimit = 50

// Tree is the arrangement of one site.
type Tree struct {
	Root     *Section
	Sidebar  []*Item
	sections map[string]*Section // by Dir
	order    []*Item             // reading order
	index    map[string]int      // URL → position in order
	parent   map[string]*Section // page URL → its section
	up       map[*Item]*Item     // sidebar item → the branch holding it
}

var kindDirs = map[string]page.Kind{
	"roles": page.KindRole, "processes": page.KindProcess,
	"ladders": page.KindLadder, "teams": page.KindTeam,
	"skills": page.KindSkill,
}

// Build arranges pages. extra are generated pages (the org chart) shown at
// the top level after the sections of kinds.
func Build(pages []*page.Page, extra ...*Item) *Tree {
	t := &Tree{sections: map[string]*Section{}, index: map[string]int{}, parent: map[string]*Section{}, up: map[*Item]*Item{}}
	t.Root = t.section("content")
	for _, p := range pages {
		s := t.section(path.Dir(p.Path))
		if p.Landing {
			s.Landing = p
			s.Title = p.Title
			s.weight = p.Meta.Weight
			continue
		}
		s.Pages = append(s.Pages, p)
		t.parent[p.URL] = s
	}
	t.sort(t.Root)
	t.Sidebar = t.items(t.Root, extra)
	for _, it := range append([]*Item{{Title: t.Root.Title, URL: "/"}}, t.Sidebar...) {
		t.flatten(it)
	}
	return t
}

// section returns the section of a folder, making it and its parents.
func (t *Tree) section(dir string) *Section {
	if s, ok := t.sections[dir]; ok {
		return s
	}
	rel := strings.TrimPrefix(strings.TrimPrefix(dir, "content"), "/")
	s := &Section{Dir: dir, URL: "/", Title: "Home"}
	if rel != "" {
		s.URL = "/" + rel + "/"
		s.Title = folderTitle(path.Base(rel))
		if !strings.Contains(rel, "/") {
			s.Kind = kindDirs[rel]
		}
		s.Parent = t.section(path.Dir(dir))
		s.Parent.Sections = append(s.Parent.Sections, s)
	}
	t.sections[dir] = s
	return s
}

// folderTitle turns "learning-and-development" into "Learning and development".
func folderTitle(name string) string {
	name = strings.NewReplacer("-", " ", "_", " ").Replace(name)
	if name == "" {
		return name
	}
	return strings.ToUpper(name[:1]) + name[1:]
}

// Section returns the section of a folder such as "content/roles".
func (t *Tree) Section(dir string) (*Section, bool) {
	s, ok := t.sections[dir]
	return s, ok
}

// Sections returns every section, the root first.
func (t *Tree) Sections() []*Section {
	var out []*Section
	var walk func(s *Section)
	walk = func(s *Section) {
		out = append(out, s)
		for _, c := range s.Sections {
			walk(c)
		}
	}
	walk(t.Root)
	return out
}

// Dirs maps each folder to its URL, for resolving links to folders.
func (t *Tree) Dirs() map[string]string {
	m := make(map[string]string, len(t.sections))
	for dir, s := range t.sections {
		m[dir] = s.URL
	}
	return m
}

// Breadcrumbs returns the sections above the page at url, from the home page
// down, not including the page itself.
func (t *Tree) Breadcrumbs(url string) []*Item {
	s, ok := t.parent[url]
	if !ok {
		if sec := t.byURL(url); sec != nil {
			s = sec.Parent
		}
	}
	var crumbs []*Item
	for ; s != nil; s = s.Parent {
		crumbs = append([]*Item{{Title: s.Title, URL: s.URL}}, crumbs...)
	}
	return crumbs
}

func (t *Tree) byURL(url string) *Section {
	for _, s := range t.sections {
		if s.URL == url {
			return s
		}
	}
	return nil
}

// PrevNext returns the pages before and after url in reading order.
func (t *Tree) PrevNext(url string) (prev, next *Item) {
	i, ok := t.index[url]
	if !ok {
		return nil, nil
	}
	if i > 0 {
		prev = t.order[i-1]
	}
	if i+1 < len(t.order) {
		next = t.order[i+1]
	}
	return prev, next
}

func (t *Tree) flatten(it *Item) {
	if _, seen := t.index[it.URL]; !seen {
		t.index[it.URL] = len(t.order)
		t.order = append(t.order, it)
	}
	for _, c := range it.Children {
		t.up[c] = it
		t.flatten(c)
	}
}

// SidebarKey returns a key that is the same for every page whose sidebar
// (SidebarFor) is the same but for which link is current: the innermost
// branch the page opens.
func (t *Tree) SidebarKey(url string) string {
	i, ok := t.index[url]
	if !ok {
		return ""
	}
	it := t.order[i]
	if len(it.Children) == 0 {
		it = t.up[it]
	}
	if it == nil {
		return ""
	}
	return it.URL
}

// SidebarFor returns the sidebar as the page at url shows it: the top level,
// and the branches on the way to the page opened. Showing every branch on
// every page would make each page's size, and the build's time, grow with
// the size of the whole handbook.
func (t *Tree) SidebarFor(url string) []*Item {
	open := map[*Item]bool{}
	if i, ok := t.index[url]; ok {
		for it := t.order[i]; it != nil; it = t.up[it] {
			open[it] = true
		}
	}
	return prune(t.Sidebar, open, len(t.Sidebar)) // the top level has no index page to send the rest to
}

// prune copies items as the sidebar shows them: the first limit, with
// the children of the open ones.
func prune(items []*Item, open map[*Item]bool, limit int) []*Item {
	out := make([]*Item, 0, min(len(items), limit+1))
	for i, it := range items {
		// Past the limit, only a subfolder the page is in: not the page
		// itself, so that the pages of a folder keep sharing its sidebar.
		if i >= limit && (!open[it] || len(it.Children) == 0) {
			continue
		}
		c := &Item{Title: it.Title, URL: it.URL, Branch: len(it.Children) > 0}
		if open[it] {
			c.Children = prune(it.Children, open, SidebarLimit)
			if n := len(it.Children); n > SidebarLimit {
				c.Children = append(c.Children, &Item{Title: "All " + count(n) + " entries", URL: it.URL, More: n - SidebarLimit})
			}
		}
		out = append(out, c)
	}
	return out
}

// count writes n with a comma between thousands: "1,001".
func count(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// items lists a section's pages and subsections for the sidebar: kind
// sections first, in the order of page.Kinds, then the rest by weight and
// title.
func (t *Tree) items(s *Section, extra []*Item) []*Item {
	var kinds, rest []*Item
	for _, c := range s.Sections {
		it := &Item{Title: c.Title, URL: c.URL, Children: t.items(c, nil)}
		if c.Kind != "" {
			kinds = append(kinds, it)
		} else {
			rest = append(rest, it)
		}
	}
	for _, p := range s.Pages {
		rest = append(rest, &Item{Title: p.Title, URL: p.URL})
	}
	out := append(kinds, extra...)
	return append(out, rest...)
}
