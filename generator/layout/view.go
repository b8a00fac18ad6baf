package layout

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"

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
	Sidebar template.HTML // from Theme.Sidebar, with the current page marked
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

// Render returns the HTML of v.
func (t *Theme) Render(v *View) ([]byte, error) {
	var buf bytes.Buffer
	if err := t.pages[v.Template()].ExecuteTemplate(&buf, "base.html", v); err != nil {
		return nil, fmt.Errorf("render %s: %w", v.URL, err)
	}
	if v.Kind == "404" {
		return buf.Bytes(), nil // served at any URL, so its links start at the root
	}
	return relative(buf.Bytes(), t.base, OutputPath(v.URL)), nil
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
