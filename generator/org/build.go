package org

import (
	"fmt"
	"slices"
	"strings"

	"github.com/teamhandbook/handbook/generator/diag"
	"github.com/teamhandbook/handbook/generator/page"
)

// Build resolves the references between pages and checks them. drafts are
// the pages left out of the site, named so that a reference to one gets a
// message that says so rather than "not found".
func Build(pages, drafts []*page.Page) (*Graph, diag.List) {
	g := &Graph{
		Pages:   pages,
		byID:    make(map[string]*page.Page, len(pages)),
		roles:   map[string]*Role{},
		teams:   map[string]*Team{},
		procs:   map[*page.Page]*Process{},
		ladders: map[*page.Page]*Ladder{},
		refs:    map[*page.Page][]*page.Page{},
		drafts:  map[string]*page.Page{},
		skills:  map[string]*Skill{},
	}
	var diags diag.List
	g.index(&diags)
	for _, d := range drafts {
		if _, ok := g.byID[d.Meta.ID.Value]; !ok {
			g.drafts[d.Meta.ID.Value] = d
		}
	}
	g.resolve(&diags)
	g.resolveOwners(&diags)
	g.inheritTeams()
	g.resolveSkills(&diags)
	g.resolveCompetencies(&diags)
	g.buildChecklists()
	g.checkCycles(&diags)
	g.checkTops(&diags)
	g.checkSpans(&diags)
	g.checkLevels(&diags)
	return g, diags
}

// index makes the id table and one node per role, team, process and ladder.
func (g *Graph) index(diags *diag.List) {
	owner := map[string]*page.Page{}
	for _, p := range g.Pages {
		id := p.Meta.ID.Value
		if first, ok := owner[id]; ok {
			diags.Rule("duplicate-id").Errorf(idPos(p), "duplicate id %q: %s uses it too; set a different id in one of them", id, first.Path)
			diags.Rule("duplicate-id").Errorf(idPos(first), "duplicate id %q: %s uses it too; set a different id in one of them", id, p.Path)
			continue
		}
		owner[id] = p
		g.byID[id] = p
	}
	// Only pages of the organisation's kinds become nodes: sorting the
	// others too cost most of this stage in a handbook of 10,000 pages.
	var sorted []*page.Page
	for _, p := range g.Pages {
		if p.Kind != page.KindPage {
			sorted = append(sorted, p)
		}
	}
	SortPages(sorted)
	for _, p := range sorted {
		if g.byID[p.Meta.ID.Value] != p {
			continue
		}
		switch p.Kind {
		case page.KindRole:
			r := &Role{Page: p}
			g.roles[p.Meta.ID.Value] = r
			g.Roles = append(g.Roles, r)
		case page.KindTeam:
			t := &Team{Page: p}
			g.teams[p.Meta.ID.Value] = t
			g.Teams = append(g.Teams, t)
		case page.KindProcess:
			pr := &Process{Page: p}
			g.procs[p] = pr
			g.Processes = append(g.Processes, pr)
		case page.KindLadder:
			l := &Ladder{Page: p}
			g.ladders[p] = l
			g.Ladders = append(g.Ladders, l)
		case page.KindSkill:
			sk := &Skill{Page: p, Name: p.Title}
			g.skills[p.Meta.ID.Value] = sk
			g.Skills = append(g.Skills, sk)
		}
	}
}

// idPos is where a page's id is written, or the file when it is implied.
func idPos(p *page.Page) diag.Position {
	if p.Meta.ID.Pos.Line > 0 {
		return p.Meta.ID.Pos
	}
	return diag.Position{File: p.Path}
}

// resolve links every reference to its node, reporting those that fail.
func (g *Graph) resolve(diags *diag.List) {
	g.resolveRoles(diags)
	g.resolveTeams(diags)
	g.resolveProcesses(diags)
	g.resolveDuties(diags)
	g.resolveLadders(diags)
}

func (g *Graph) resolveRoles(diags *diag.List) {
	for _, r := range g.Roles {
		m := r.Page.Meta
		for i, ref := range m.ReportsTo {
			if slices.ContainsFunc(m.ReportsTo[:i], func(t page.Text) bool { return t.Value == ref.Value }) {
				diags.Rule("reference").Errorf(ref.Pos, "reports_to lists %q twice", ref.Value)
				continue
			}
			to, ok := g.lookupRole(r.Page, "reports_to", ref, diags)
			if !ok {
				continue
			}
			if to == r {
				diags.Rule("cycle").Errorf(ref.Pos, "reports_to %q is this role itself; a role cannot report to itself", ref.Value)
				continue
			}
			r.ReportsTo = append(r.ReportsTo, to)
			to.Reports = append(to.Reports, r)
		}
		if m.Team.Value != "" {
			if t, ok := g.lookupTeam(r.Page, "team", m.Team, diags); ok {
				r.Team = t
				t.Roles = append(t.Roles, r)
			}
		}
	}
}

func (g *Graph) resolveTeams(diags *diag.List) {
	for _, t := range g.Teams {
		m := t.Page.Meta
		if m.Lead.Value != "" {
			t.Lead, _ = g.lookupRole(t.Page, "lead", m.Lead, diags)
			// A lead that names no team belongs to the team it leads.
			if t.Lead != nil && t.Lead.Team == nil && t.Lead.Page.Meta.Team.Value == "" && !t.Lead.External() {
				t.Lead.Team = t
				t.Roles = append(t.Roles, t.Lead)
			}
		}
		if m.Parent.Value != "" {
			if parent, ok := g.lookupTeam(t.Page, "parent", m.Parent, diags); ok {
				t.Parent = parent
				parent.Children = append(parent.Children, t)
			}
		}
	}
}

func (g *Graph) resolveProcesses(diags *diag.List) {
	for _, pr := range g.Processes {
		m := pr.Page.Meta
		if m.Owner.Value != "" {
			if r, ok := g.lookupRole(pr.Page, "owner", m.Owner, diags); ok {
				pr.Owner = r
				r.Processes = append(r.Processes, pr)
			}
		}
		for _, ref := range m.Participants {
			if r, ok := g.lookupRole(pr.Page, "participants", ref, diags); ok && !slices.Contains(pr.Participants, r) {
				pr.Participants = append(pr.Participants, r)
				if !slices.Contains(r.Processes, pr) {
					r.Processes = append(r.Processes, pr)
				}
			}
		}
	}
}

func (g *Graph) resolveLadders(diags *diag.List) {
	for _, l := range g.Ladders {
		for _, lv := range l.Page.Meta.Levels {
			level := Level{Title: lv.Title.Value, Typical: lv.Typical.Value}
			if lv.Role.Value != "" {
				level.Role, _ = g.lookupRole(l.Page, "levels role", lv.Role, diags)
			}
			if level.Role != nil {
				level.Role.Ladders = append(level.Role.Ladders, Place{Ladder: l, Index: len(l.Levels)})
			}
			l.Levels = append(l.Levels, level)
		}
	}
}

func (g *Graph) lookupRole(from *page.Page, key string, ref page.Text, diags *diag.List) (*Role, bool) {
	if !g.check(from, key, ref, page.KindRole, diags) {
		return nil, false
	}
	return g.roles[ref.Value], true
}

func (g *Graph) lookupTeam(from *page.Page, key string, ref page.Text, diags *diag.List) (*Team, bool) {
	if !g.check(from, key, ref, page.KindTeam, diags) {
		return nil, false
	}
	return g.teams[ref.Value], true
}

// check reports whether ref names a published page of kind want, and records
// the reference for backlinks. Otherwise it says why not, with the closest id
// when there is one.
func (g *Graph) check(from *page.Page, key string, ref page.Text, want page.Kind, diags *diag.List) bool {
	to, ok := g.byID[ref.Value]
	switch {
	case ok && to.Kind == want:
		if to != from && !slices.Contains(g.refs[to], from) {
			g.refs[to] = append(g.refs[to], from)
		}
		return true
	case ok:
		diags.Rule("reference").Errorf(ref.Pos, "%s %q is %s %s (%s), not %s %s", key, ref.Value, article(to.Kind), to.Kind, to.Path, article(want), want)
	case g.drafts[ref.Value] != nil:
		diags.Rule("reference").Errorf(ref.Pos, "%s %q is a draft (%s), and drafts are left out of the site", key, ref.Value, g.drafts[ref.Value].Path)
	default:
		msg := fmt.Sprintf("%s %q is not %s %s", key, ref.Value, article(want), want)
		if s := g.suggest(ref.Value, want); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		}
		diags.Rule("reference").Errorf(ref.Pos, "%s", msg)
	}
	return false
}

func article(k page.Kind) string {
	if strings.ContainsRune("aeiou", rune(k[0])) {
		return "an"
	}
	return "a"
}

// inheritTeams puts a role that names no team in the team of the role it
// reports to (the first, when there are alternatives), so that a team page
// lists its whole subtree without every role repeating the team.
func (g *Graph) inheritTeams() {
	var teamOf func(r *Role, depth int) *Team
	teamOf = func(r *Role, depth int) *Team {
		if r.Team != nil || r.Page.Meta.Team.Value != "" || r.External() || len(r.ReportsTo) == 0 || depth > len(g.Roles) {
			return r.Team
		}
		return teamOf(r.ReportsTo[0], depth+1)
	}
	for _, r := range g.Roles {
		if r.Team == nil {
			if t := teamOf(r, 0); t != nil {
				r.Team = t
				t.Roles = append(t.Roles, r)
			}
		}
	}
}
