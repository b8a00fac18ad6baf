package generator

import (
	"strings"

	"github.com/teamhandbook/handbook/generator/layout"
	"github.com/teamhandbook/handbook/generator/nav"
	"github.com/teamhandbook/handbook/generator/org"
)

// The pages for a new hire's first weeks and for growing afterwards: an
// onboarding path per role, the "Start here" page that leads to them, and
// the skills matrix. They are made from the org graph, so they exist only
// when the handbook has what they show.

const (
	startURL  = "/start-here/"
	skillsURL = "/skills-matrix/"
)

// growthPages lists the generated pages this build has, with what they are
// called in messages, for outputs to claim and links to reach.
func (s *site) growthPages() []struct{ url, what string } {
	var out []struct{ url, what string }
	roles := s.graph.OnboardingRoles()
	if len(roles) > 0 {
		out = append(out, struct{ url, what string }{startURL, "the start-here page"})
	}
	for _, r := range roles {
		out = append(out, struct{ url, what string }{r.OnboardingURL(), "the onboarding path of " + r.Page.Path})
	}
	if len(s.graph.SkilledRoles()) > 0 {
		out = append(out, struct{ url, what string }{skillsURL, "the skills matrix"})
	}
	return out
}

// growthURLs lists the URLs of growthPages.
func (s *site) growthURLs() []string {
	var urls []string
	for _, g := range s.growthPages() {
		urls = append(urls, g.url)
	}
	return urls
}

// growthNav is the sidebar entry of the skills matrix, next to the org
// chart. The onboarding paths are reached from "Start here" instead: one
// entry per role would crowd the sidebar.
func (s *site) growthNav() []*nav.Item {
	if len(s.graph.SkilledRoles()) == 0 {
		return nil
	}
	return []*nav.Item{{Title: "Skills matrix", URL: skillsURL}}
}

// growthViews makes the views of growthPages.
func (s *site) growthViews() []*layout.View {
	var views []*layout.View
	roles := s.graph.OnboardingRoles()
	if len(roles) > 0 {
		v := s.view(startURL, "Start here")
		v.Kind = "start"
		v.Summary = "New to the team? Pick your role to get your onboarding path: who you work with, what you take part in, and a checklist for your first weeks."
		views = append(views, v)
	}
	start := &nav.Item{Title: "Start here", URL: startURL}
	for _, r := range roles {
		v := s.view(r.OnboardingURL(), "Onboarding: "+r.Page.Title)
		v.Kind = "onboarding"
		v.Summary = "Your first weeks as " + r.Page.Title + ": the people, processes and skills of the role, and a checklist to work through."
		v.Crumbs = []*nav.Item{{Title: s.tree.Root.Title, URL: "/"}, start}
		v.Role = r
		v.Checklist = s.checklist(r)
		views = append(views, v)
	}
	if len(s.graph.SkilledRoles()) > 0 {
		v := s.view(skillsURL, "Skills matrix")
		v.Kind = "skills"
		v.Summary = "Which role needs which skill, from every role's skills."
		views = append(views, v)
	}
	return views
}

// checklist turns r's checklist into what the template shows.
func (s *site) checklist(r *org.Role) []layout.ChecklistGroup {
	var out []layout.ChecklistGroup
	for _, g := range r.Checklist {
		lg := layout.ChecklistGroup{When: g.When}
		for _, it := range g.Items {
			item := layout.ChecklistItem{Task: it.Task.Value, Key: it.Key, From: it.From}
			if it.Link.Value != "" {
				item.URL = s.itemURL(it)
			}
			lg.Items = append(lg.Items, item)
		}
		out = append(out, lg)
	}
	return out
}

// itemURL is where an item's link leads from the onboarding path. A link
// within its own page ("#overview" on a team page) was checked against that
// page and stays as written in the page's body; on the path, which has no
// such heading, it must name the page that has it.
func (s *site) itemURL(it org.Item) string {
	u := s.targets[it.From][it.Link.Value]
	if strings.HasPrefix(u, "#") || strings.HasPrefix(u, "?") {
		u = s.config.BasePath() + strings.TrimPrefix(it.From.URL, "/") + u
	}
	return u
}
