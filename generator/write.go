package generator

import (
	"context"
	"fmt"
	"html/template"
	"strings"

	"github.com/teamhandbook/handbook/generator/layout"
	"github.com/teamhandbook/handbook/generator/markdown"
	"github.com/teamhandbook/handbook/generator/nav"
	"github.com/teamhandbook/handbook/generator/org"
	"github.com/teamhandbook/handbook/generator/page"
	"github.com/teamhandbook/handbook/generator/publish"
)

// write renders every page in parallel and writes the site into out. It
// returns the number of files written.
func (s *site) write(ctx context.Context, theme *layout.Theme, out output) (int, error) {
	views := s.views()
	if s.cache == nil {
		s.resolveBodies()
	}
	if err := s.render(ctx, theme, views, out); err != nil {
		return 0, err
	}
	if s.cache == nil {
		s.forgetLinks()
	}
	return s.writeRest(ctx, theme, out, len(views))
}

// resolveBodies puts the URL of each link of the prepared bodies in place
// of its destination, and lets go of those pages' tables of destinations
// to URLs: a one-off build renders each page once, after its views are
// made (the onboarding paths read the tables), and at 100,000 pages the
// tables were some 200 MB, marked by every garbage collection while the
// pages render (heap profile). A page's rewrite then leaves its URLs as
// they are (s.rewrite), and the pages whose trees were kept (prepare) keep
// their tables.
func (s *site) resolveBodies() {
	kept := map[*page.Page]map[string]string{}
	for p, urls := range s.targets {
		pb, ok := s.prepared[p]
		if !ok {
			kept[p] = urls
			continue
		}
		rewrite := s.rewrite(p)
		for i, d := range pb.dests {
			pb.dests[i] = rewrite(d)
		}
	}
	s.targets = kept
}

// forgetLinks lets go of what only the pages' rendering reads: the link
// tables and each body's headings. A one-off build renders each
// page once, and what it writes after the pages (the search index above
// all) needs none of them; at 100,000 pages they are some 500 MB (heap
// profile), alive beside the index being built. serve's rebuilds keep
// them (s.cache is not nil there).
func (s *site) forgetLinks() {
	s.links, s.targets = nil, nil
	for _, d := range s.docs {
		d.Headings = nil
	}
}

// writeRest writes what is not a view, after the n files of the views:
// aliases, assets, static files and the site-wide files. It returns the
// number of files written, n included.
func (s *site) writeRest(ctx context.Context, theme *layout.Theme, out output, n int) (int, error) {
	for _, p := range s.pages {
		for _, a := range p.Meta.Aliases {
			html, err := theme.Redirect(&layout.View{Title: p.Title, URL: p.URL})
			if err != nil {
				return 0, err
			}
			if err := out.WriteFile(layout.OutputPath(cleanAlias(a.Value)), html); err != nil {
				return 0, err
			}
			n++
		}
	}
	for _, a := range theme.Assets {
		if err := out.WriteFile(a.Path, a.Data); err != nil {
			return 0, err
		}
		n++
	}
	// Images and attachments are copied on a worker per CPU, as pages
	// are written: one by one, a handbook's thousand images would be read
	// and written while a CPU idles.
	if err := parallel(ctx, len(s.static), func(i int) error { return s.copyStatic(out, s.static[i].Path) }); err != nil {
		return 0, err
	}
	n += len(s.static)
	m, err := s.siteWide(ctx, theme, out)
	return n + m, err
}

// render renders views in parallel and writes them. With a cache (serve),
// a view whose inputs are those of a view rendered before is not rendered
// again.
func (s *site) render(ctx context.Context, theme *layout.Theme, views []viewJob, out output) error {
	sidebars, err := s.sidebars(theme, views)
	if err != nil {
		return err
	}
	batch := theme.NewBatch()
	return parallel(ctx, len(views), func(i int) error {
		v := views[i].make(s)
		views[i] = viewJob{} // let go of the view once this page is written
		sidebar := sidebars[s.tree.SidebarKey(v.URL)]
		key := s.cache.viewKey(s, v, sidebar)
		if html, ok := s.cache.rendered(v.URL, key); ok {
			return out.WriteFile(layout.OutputPath(v.URL), html)
		}
		v.Sidebar = sidebar.html // batch.Render marks v's link in it
		if v.Page != nil {
			body, err := s.body(v.Page)
			if err != nil {
				return err
			}
			v.Content = body
		}
		html, err := batch.Render(v)
		if err != nil {
			return err
		}
		if d := s.docs[v.Page]; s.cache == nil && d != nil {
			// Nothing reads a page's headings after its own view (the
			// links to them were checked before): a 100,000-page build
			// holds 70 MB of them, marked by each garbage collection.
			d.Headings = nil
		}
		s.cache.keep(v.URL, key, html)
		if err := out.WriteFile(layout.OutputPath(v.URL), html); err != nil {
			return err
		}
		if _, ok := out.(*publish.Staging); ok && s.cache == nil {
			batch.Recycle(html) // on disk now, and kept nowhere else
		}
		return nil
	})
}

// viewJob is a page to render: a content page, whose view is made as it is
// rendered, or the view of a generated page. A build that made every
// page's view first held them all at once: 180 MB at 100,000 pages (heap
// profile), marked by the garbage collector on every cycle.
type viewJob struct {
	page *page.Page
	view *layout.View
}

func (j viewJob) url() string {
	if j.view != nil {
		return j.view.URL
	}
	return j.page.URL
}

func (j viewJob) make(s *site) *layout.View {
	if j.view != nil {
		return j.view
	}
	return s.pageView(j.page)
}

// jobsOf is views as jobs.
func jobsOf(views []*layout.View) []viewJob {
	jobs := make([]viewJob, len(views))
	for i, v := range views {
		jobs[i].view = v
	}
	return jobs
}

// body renders a page's Markdown with its links rewritten.
func (s *site) body(p *page.Page) (template.HTML, error) {
	if pb, ok := s.prepared[p]; ok { // Build: rendered while loading
		return s.ph.take(pb, s.rewrite(p))
	}
	if html, ok := s.cache.body(s, p); ok {
		return html, nil
	}
	body, err := s.md.RenderString(s.docs[p], s.rewrite(p))
	if err != nil {
		return "", err
	}
	html := template.HTML(body)
	s.cache.keepBody(s, p, html)
	return html, nil
}

// siteWide writes the files made from every page at once. It runs after
// the pages are rendered, in full builds and in serve's rebuilds alike:
// a stage that consumes all pages (a search index) belongs here.
func (s *site) siteWide(ctx context.Context, theme *layout.Theme, out output) (int, error) {
	extra := map[string][]byte{
		"sitemap.xml":             s.cache.sitemap(s), // serve keeps it while the pages stay
		"schema/frontmatter.json": page.Schema(),
		"org.json":                s.graph.JSON(s.config.BasePath()),
		"schema/org.json":         org.ExportSchema(),
	}
	n := 0
	for name, data := range extra {
		if err := out.WriteFile(name, data); err != nil {
			return 0, err
		}
		n++
	}
	k, err := s.writeSearch(ctx, theme, out)
	if err != nil {
		return 0, err
	}
	return n + k, ctx.Err()
}

// copyStatic copies a file from content/ to the same place in the site.
func (s *site) copyStatic(out output, name string) error {
	f, err := s.fsys.Open(name)
	if err != nil {
		return fmt.Errorf("copy %s: %w", name, err)
	}
	defer f.Close()
	return out.Copy(strings.TrimPrefix(name, "content/"), f)
}

// sidebar is a rendered sidebar and a digest of it, which the views
// showing it put in their cache keys.
type sidebar struct {
	html   template.HTML
	digest uint64
}

// sidebars renders each distinct sidebar once: pages under the same branch
// of the tree show the same one.
func (s *site) sidebars(theme *layout.Theme, views []viewJob) (map[string]sidebar, error) {
	out := map[string]sidebar{}
	for _, v := range views {
		key := s.tree.SidebarKey(v.url())
		if _, ok := out[key]; ok {
			continue
		}
		sb, err := s.cache.sidebarAt(theme, s.tree, v.url())
		if err != nil {
			return nil, err
		}
		out[key] = sb
	}
	return out, nil
}

// views is every page the site has: content pages, folder indexes without
// a landing page, the org chart and the 404 page.
func (s *site) views() []viewJob {
	var views []viewJob
	for _, p := range s.pages {
		views = append(views, viewJob{page: p})
	}
	return append(views, jobsOf(s.generatedViews())...)
}

// generatedViews makes the data of the pages no Markdown file stands for.
func (s *site) generatedViews() []*layout.View {
	var views []*layout.View
	for _, sec := range s.tree.Sections() {
		if sec.Landing != nil {
			continue
		}
		v := s.view(sec.URL, sec.Title)
		v.Kind = "section"
		s.fillSection(v, sec)
		views = append(views, v)
	}
	chart := s.view("/org/", "Org chart")
	chart.Kind = "org"
	chart.Summary = "Who reports to whom, drawn from every role's reports_to."
	chart.Chart = s.graph.Chart()
	views = append(views, chart)
	views = append(views, s.reviewView())
	views = append(views, s.growthViews()...)
	notFound := s.view("/404.html", "Page not found")
	notFound.Kind = "404"
	notFound.Crumbs = nil
	views = append(views, notFound)
	return views
}

// pageView makes the data of a content page.
func (s *site) pageView(p *page.Page) *layout.View {
	v := s.pageOwn(p, s.view(p.URL, p.Title))
	v.Backlinks = s.backlinks(p)
	v.TOC = toc(s.docs[p])
	return v
}

// pageOwn fills v with p's data but for its backlinks and table of
// contents; v's crumbs, previous and next pages are left as they are.
// serve's cache keys (pagekey.go) digest those parts apart, without
// making them for every page.
func (s *site) pageOwn(p *page.Page, v *layout.View) *layout.View {
	v.Page = p
	v.Kind = string(p.Kind)
	v.Summary = p.Meta.Summary.Value
	if d := s.docs[p]; d.Title != "" && len(d.Headings) > 0 {
		v.TitleID = d.Headings[0].ID
	}
	if prefix := s.config.EditPrefix(s.repoDir); prefix != "" {
		v.EditURL = prefix + p.Path
	}
	v.Role, _ = s.graph.RoleOf(p)
	v.Team, _ = s.graph.TeamOf(p)
	v.Process, _ = s.graph.ProcessOf(p)
	v.Ladder, _ = s.graph.LadderOf(p)
	v.Meta = s.pageMeta(p)
	v.Skill, _ = s.graph.SkillOf(p)
	if p.Landing {
		sec, _ := s.tree.Section(strings.TrimSuffix(p.Path[:strings.LastIndex(p.Path, "/")+1], "/"))
		s.fillSection(v, sec)
	}
	return v
}

func (s *site) view(url, title string) *layout.View {
	v := s.bareView(url, title)
	v.Crumbs = s.tree.Breadcrumbs(url)
	v.Prev, v.Next = s.tree.PrevNext(url)
	return v
}

// bareView is a view without its place in the navigation.
func (s *site) bareView(url, title string) *layout.View {
	return &layout.View{
		Site:  layout.Site{Title: s.config.Title},
		Kind:  "page",
		Title: title,
		URL:   url,
		Graph: s.graph,
	}
}

// fillSection lists what a folder's index shows: for a folder of a kind,
// every page of that kind wherever it lives; otherwise the folder's pages.
func (s *site) fillSection(v *layout.View, sec *nav.Section) {
	if sec == nil {
		return
	}
	v.Section = sec
	if sec.Kind == "" {
		v.SectionPages = sec.Pages
		return
	}
	for _, p := range s.pages {
		if p.Kind == sec.Kind && !p.Landing {
			v.SectionPages = append(v.SectionPages, p)
		}
	}
	org.SortPages(v.SectionPages)
}

// toc lists the headings worth a table of contents: levels 2 and 3.
func toc(d *markdown.Doc) []markdown.Heading {
	var out []markdown.Heading
	for _, h := range d.Headings {
		if h.Level == 2 || h.Level == 3 {
			out = append(out, h)
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}
