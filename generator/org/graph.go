// Package org builds the organisation described by a handbook's front matter,
// roles, teams, processes and ladders, and checks every reference in it.
//
// The graph is computed once per build; the pages that show reporting lines,
// direct reports, org charts and ladders all read it instead of searching the
// pages again.
package org

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/teamhandbook/handbook/generator/page"
)

// Graph is the organisation of one handbook.
type Graph struct {
	Pages     []*page.Page // published pages, in path order
	Roles     []*Role      // in navigation order (weight, then title)
	Teams     []*Team
	Processes []*Process
	Ladders   []*Ladder
	Skills    []*Skill // skill pages, or when there are none the skills roles name

	byID    map[string]*page.Page
	roles   map[string]*Role
	teams   map[string]*Team
	procs   map[*page.Page]*Process
	ladders map[*page.Page]*Ladder
	refs    map[*page.Page][]*page.Page // who refers to a page from front matter
	drafts  map[string]*page.Page
	owners  map[*page.Page]*Role // owners of pages that are not processes (owners.go)
	skills  map[string]*Skill    // by page id, or by name when there are no skill pages

	newcomers []*Role // roles with an onboarding path, computed once
	skilled   []*Role // roles that name a skill, computed once
}

// Role is a role page with its reporting lines resolved.
type Role struct {
	Page      *page.Page
	ReportsTo []*Role // alternatives; empty at the top
	Reports   []*Role // roles that report to this one (computed)
	Team      *Team
	Processes []*Process // owned or taken part in
	Ladders   []Place
	Skills    RoleSkills
	Checklist []Group // the onboarding checklist; nil for external roles

	duties map[*Process]string // what the role does in each of its processes (duties.go)
}

// ID returns the role's id.
func (r *Role) ID() string { return r.Page.Meta.ID.Value }

// External reports whether the role sits outside this handbook's team.
func (r *Role) External() bool { return r.Page.Meta.External }

// Positions returns how many people hold the role (1 unless stated).
func (r *Role) Positions() page.Range {
	if p := r.Page.Meta.Positions; p.Set {
		return p
	}
	return page.Range{Min: 1, Max: 1, Set: true}
}

// Owns reports whether the role owns p.
func (r *Role) Owns(p *Process) bool { return p.Owner == r }

// Team is a team page with its lead, parent and roles resolved.
type Team struct {
	Page     *page.Page
	Lead     *Role
	Parent   *Team
	Children []*Team
	Roles    []*Role // roles whose team is this one
}

// Process is a process page with its owner and participants resolved.
type Process struct {
	Page         *page.Page
	Owner        *Role
	Participants []*Role
}

// Ladder is a career ladder with its steps resolved.
type Ladder struct {
	Page         *page.Page
	Levels       []Level
	Competencies []*Competency // the level matrix, one row per competency
	Steps        []Step        // what changes between adjacent levels
}

// Level is one step of a ladder. Role is nil for a step that is not a role.
type Level struct {
	Role    *Role
	Title   string
	Typical string
}

// Name returns the step's title, or its role's.
func (l Level) Name() string {
	if l.Title != "" || l.Role == nil {
		return l.Title
	}
	return l.Role.Page.Title
}

// Place is where a role stands on a ladder.
type Place struct {
	Ladder *Ladder
	Index  int
}

// Level returns the role's step.
func (p Place) Level() Level { return p.Ladder.Levels[p.Index] }

// Next returns the step after the role's, or nil at the top of the ladder.
func (p Place) Next() *Level {
	if p.Index+1 >= len(p.Ladder.Levels) {
		return nil
	}
	return &p.Ladder.Levels[p.Index+1]
}

// Page returns the page with the given id.
func (g *Graph) Page(id string) (*page.Page, bool) {
	p, ok := g.byID[id]
	return p, ok
}

// Role returns the role with the given id.
func (g *Graph) Role(id string) (*Role, bool) {
	r, ok := g.roles[id]
	return r, ok
}

// RoleOf returns the role shown on p, if p is a role page.
func (g *Graph) RoleOf(p *page.Page) (*Role, bool) {
	if p.Kind != page.KindRole {
		return nil, false
	}
	return g.Role(p.Meta.ID.Value)
}

// TeamOf returns the team shown on p, if p is a team page.
func (g *Graph) TeamOf(p *page.Page) (*Team, bool) {
	if p.Kind != page.KindTeam {
		return nil, false
	}
	t, ok := g.teams[p.Meta.ID.Value]
	return t, ok
}

// ProcessOf returns the process shown on p, if p is a process page.
func (g *Graph) ProcessOf(p *page.Page) (*Process, bool) {
	pr, ok := g.procs[p]
	return pr, ok
}

// LadderOf returns the ladder shown on p, if p is a ladder page.
func (g *Graph) LadderOf(p *page.Page) (*Ladder, bool) {
	l, ok := g.ladders[p]
	return l, ok
}

// ReferencedBy returns the pages whose front matter refers to p.
func (g *Graph) ReferencedBy(p *page.Page) []*page.Page { return g.refs[p] }

// Chain returns the chain of command above r, nearest first. Each step holds
// the alternatives a role reports to; the chain continues from the first.
func (r *Role) Chain() [][]*Role {
	var chain [][]*Role
	seen := map[*Role]bool{r: true}
	for cur := r; len(cur.ReportsTo) > 0; cur = cur.ReportsTo[0] {
		chain = append(chain, cur.ReportsTo)
		if seen[cur.ReportsTo[0]] {
			break // a cycle; reported by validation
		}
		seen[cur.ReportsTo[0]] = true
	}
	return chain
}

// Node is a role in the org chart with the roles drawn below it.
type Node struct {
	Role     *Role
	Children []*Node
}

// Chart returns the org chart: every role at the top of a reporting line,
// with the roles below it. A role with alternative managers is drawn under
// the first, so each role appears once and headcounts add up.
func (g *Graph) Chart() []*Node {
	var tops []*Node
	for _, r := range g.Roles {
		if len(r.ReportsTo) == 0 {
			tops = append(tops, g.subtree(r, map[*Role]bool{}))
		}
	}
	return tops
}

// Subtree returns the chart below r.
func (g *Graph) Subtree(r *Role) *Node { return g.subtree(r, map[*Role]bool{}) }

func (g *Graph) subtree(r *Role, seen map[*Role]bool) *Node {
	n := &Node{Role: r}
	seen[r] = true
	for _, c := range r.Reports {
		if c.ReportsTo[0] == r && !seen[c] {
			n.Children = append(n.Children, g.subtree(c, seen))
		}
	}
	return n
}

// Headcount adds up the positions of the team's roles and of the teams
// inside it.
func (t *Team) Headcount() page.Range {
	return t.headcount(map[*Team]bool{})
}

func (t *Team) headcount(seen map[*Team]bool) page.Range {
	seen[t] = true
	total := Headcount(t.Roles)
	for _, c := range t.Children {
		if !seen[c] { // parent cycles are reported by validation
			h := c.headcount(seen)
			total.Min += h.Min
			total.Max += h.Max
		}
	}
	return total
}

// Headcount adds up the positions of the team's own (not external) roles.
func Headcount(roles []*Role) page.Range {
	var total page.Range
	total.Set = true
	for _, r := range roles {
		if r.External() {
			continue
		}
		p := r.Positions()
		total.Min += p.Min
		total.Max += p.Max
	}
	return total
}

// byOrder sorts pages as navigation shows them: weight, then title, then path.
func byOrder(a, b *page.Page) int {
	if c := cmp.Compare(a.Meta.Weight, b.Meta.Weight); c != 0 {
		return c
	}
	if c := compareFold(a.Title, b.Title); c != 0 {
		return c
	}
	return strings.Compare(a.Path, b.Path)
}

// compareFold compares a and b as strings.Compare compares their
// lower-case forms, without making them: sorting thousands of pages called
// strings.ToLower hundreds of thousands of times.
func compareFold(a, b string) int {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if la, lb := unicode.ToLower(ra), unicode.ToLower(rb); la != lb {
			return cmp.Compare(la, lb)
		}
		a, b = a[na:], b[nb:]
	}
	return cmp.Compare(len(a), len(b))
}

// SortPages orders pages as navigation shows them.
func SortPages(pages []*page.Page) { slices.SortFunc(pages, byOrder) }
