package org

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"

	"github.com/teamhandbook/handbook/generator/page"
)

// Group is the part of a checklist to do at one time: "week 1".
type Group struct {
	When  string // "" for items that say no time
	Items []Item
}

// Item is one task of a role's checklist, with the page that set it: the
// role's own, its team's or a team above.
type Item struct {
	*page.OnboardingItem
	From *page.Page
	Key  string // stable across builds while the task, time and page stay: the reader's tick is stored under it
}

// OnboardingRoles returns the roles that have an onboarding path: every
// role of the team, not the external ones.
// Every page's header asks, so it is computed once, by buildChecklists.
func (g *Graph) OnboardingRoles() []*Role { return g.newcomers }

// OnboardingURL is where the role's onboarding path is published.
func (r *Role) OnboardingURL() string { return "/onboarding/" + r.ID() + "/" }

// Peers returns the other roles that report where r reports, leaving out
// those r may itself report to ("reports to a senior or the lead").
func (r *Role) Peers() []*Role {
	var out []*Role
	for _, m := range r.ReportsTo {
		for _, p := range m.Reports {
			if p != r && !slices.Contains(r.ReportsTo, p) && !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	return out
}

// buildChecklists gives every role of the team its checklist: the items of
// its team's ancestors, outermost first, then its team's, then its own,
// grouped by when.
func (g *Graph) buildChecklists() {
	for _, r := range g.Roles {
		if !r.External() {
			g.newcomers = append(g.newcomers, r)
		}
	}
	for _, r := range g.newcomers {
		var items []Item
		for _, t := range teamLine(r.Team) {
			items = appendItems(items, t.Page)
		}
		items = appendItems(items, r.Page)
		r.Checklist = group(items)
	}
}

// teamLine returns t and the teams above it, outermost first.
func teamLine(t *Team) []*Team {
	var line []*Team
	for ; t != nil && !slices.Contains(line, t); t = t.Parent { // parent cycles are reported elsewhere
		line = append([]*Team{t}, line...)
	}
	return line
}

func appendItems(items []Item, p *page.Page) []Item {
	for i := range p.Meta.Onboarding {
		it := &p.Meta.Onboarding[i]
		sum := sha256.Sum256([]byte(p.Meta.ID.Value + "\x00" + it.When.Value + "\x00" + it.Task.Value))
		key := hex.EncodeToString(sum[:6])
		for n := 2; slices.ContainsFunc(items, func(o Item) bool { return o.Key == key }); n++ {
			key = hex.EncodeToString(sum[:6]) + "-" + strconv.Itoa(n) // the same task twice
		}
		items = append(items, Item{OnboardingItem: it, From: p, Key: key})
	}
	return items
}

// group puts items into groups by when. Times that read as "day N", "week
// N", "month N" or "year N" come first, in time order; other times follow in
// the order they first appear; items with no time come last.
func group(items []Item) []Group {
	var groups []Group
	for _, it := range items {
		when := strings.TrimSpace(it.When.Value)
		i := slices.IndexFunc(groups, func(g Group) bool { return strings.EqualFold(g.When, when) })
		if i < 0 {
			groups = append(groups, Group{When: when})
			i = len(groups) - 1
		}
		groups[i].Items = append(groups[i].Items, it)
	}
	// Sort by class, then by day or by first appearance.
	type rank struct{ class, n int }
	ranks := make(map[string]rank, len(groups))
	for i, g := range groups {
		switch d, ok := days(g.When); {
		case g.When == "":
			ranks[g.When] = rank{2, 0}
		case ok:
			ranks[g.When] = rank{0, d}
		default:
			ranks[g.When] = rank{1, i}
		}
	}
	slices.SortStableFunc(groups, func(a, b Group) int {
		ra, rb := ranks[a.When], ranks[b.When]
		if ra.class != rb.class {
			return ra.class - rb.class
		}
		return cmp.Compare(ra.n, rb.n)
	})
	return groups
}

// maxPeriods is the largest N of "week N" read as a time: "year 10000" is
// already beyond any onboarding.
const maxPeriods = 10000

// days reads "week 2" as 14: the day that period ends on, for ordering, so
// that "week 2" comes before "month 1", which people write for the rest of
// the first month.
func days(when string) (int, bool) {
	unit, num, ok := strings.Cut(strings.ToLower(when), " ")
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimSpace(num))
	if err != nil || n < 0 || n > maxPeriods {
		return 0, false // a number no checklist means is read as words, and n*d cannot overflow
	}
	per := map[string]int{"day": 1, "week": 7, "month": 30, "quarter": 91, "year": 365}
	d, ok := per[strings.TrimSuffix(unit, "s")]
	if !ok {
		return 0, false
	}
	return n * d, true
}

// TeamRoles are the roles of one team that have an onboarding path.
type TeamRoles struct {
	Team  *Team // nil for roles in no team
	Roles []*Role
}

// OnboardingByTeam returns the roles with an onboarding path, by team, for
// a new hire looking for their own.
func (g *Graph) OnboardingByTeam() []TeamRoles {
	var out []TeamRoles
	var loose []*Role
	for _, t := range g.Teams {
		tr := TeamRoles{Team: t}
		for _, r := range g.OnboardingRoles() {
			if r.Team == t {
				tr.Roles = append(tr.Roles, r)
			}
		}
		if len(tr.Roles) > 0 {
			out = append(out, tr)
		}
	}
	for _, r := range g.OnboardingRoles() {
		if r.Team == nil {
			loose = append(loose, r)
		}
	}
	if len(loose) > 0 {
		out = append(out, TeamRoles{Roles: loose})
	}
	return out
}
