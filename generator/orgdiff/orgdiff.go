// Package orgdiff says what a change to a handbook does to the organisation,
// in the words a reviewer reads in a pull-request comment: roles added,
// removed and renamed, reporting lines, positions, process owners, ladder
// steps, and URLs that disappeared without a redirect.
package orgdiff

import (
	"slices"
	"strings"

	"github.com/teamhandbook/handbook/generator/org"
	"github.com/teamhandbook/handbook/generator/page"
)

// Diff is the difference between two organisations. Every list is in a
// stable order, and empty lists mean no change of that kind.
type Diff struct {
	Added          []Role    `json:"roles_added"`
	Removed        []Role    `json:"roles_removed"`
	Renamed        []Rename  `json:"roles_renamed"`
	ReportingLines []Line    `json:"reporting_lines"`
	Positions      []Count   `json:"positions"`
	ProcessOwners  []Owner   `json:"process_owners"`
	Ladders        []Ladder  `json:"ladders"`
	LostURLs       []LostURL `json:"lost_urls"`
}

// Role is a role added or removed.
type Role struct {
	ID        string   `json:"id"`
	Title     string   `json:"title"`
	File      string   `json:"file"`
	ReportsTo []string `json:"reports_to"` // titles
}

// Rename is a role whose title or id changed. A role with a new id is
// matched to the old one by an alias that keeps the old URL.
type Rename struct {
	OldID    string `json:"old_id"`
	NewID    string `json:"new_id"`
	OldTitle string `json:"old_title"`
	NewTitle string `json:"new_title"`
}

// Line is a role whose reporting line changed.
type Line struct {
	Role   string   `json:"role"` // title
	Before []string `json:"before"`
	After  []string `json:"after"`
}

// Count is the positions of a team, or of the whole organisation (Team "").
type Count struct {
	Team   string `json:"team"`
	Before string `json:"before"` // "3" or "3-4"; "" when the team is new
	After  string `json:"after"`  // "" when the team is gone
}

// Owner is a process whose owner changed.
type Owner struct {
	Process string `json:"process"`
	Before  string `json:"before"` // a role title, or ""
	After   string `json:"after"`
}

// Ladder is a ladder whose steps changed.
type Ladder struct {
	Ladder string   `json:"ladder"`
	Before []string `json:"before"`
	After  []string `json:"after"`
}

// LostURL is a published URL that no longer leads anywhere.
type LostURL struct {
	URL     string `json:"url"`
	OldFile string `json:"old_file"`
	NewFile string `json:"new_file,omitempty"` // where the page went, when it is known
	Alias   string `json:"alias"`              // the aliases entry to add
}

// Empty reports whether the change leaves the organisation as it was.
func (d *Diff) Empty() bool {
	return len(d.Added)+len(d.Removed)+len(d.Renamed)+len(d.ReportingLines)+len(d.Positions)+
		len(d.ProcessOwners)+len(d.Ladders)+len(d.LostURLs) == 0
}

// Compare returns what changed from before to after.
func Compare(before, after *org.Graph) *Diff {
	d := &Diff{}
	match := matchRoles(before, after)
	d.roles(before, after, match)
	d.lines(before, match)
	d.positions(before, after)
	d.owners(before, after)
	d.ladders(before, after)
	d.urls(before, after)
	return d
}

// matchRoles pairs each old role with the new role it became: the same id,
// or a new id whose page keeps the old URL as an alias.
func matchRoles(before, after *org.Graph) map[*org.Role]*org.Role {
	match := map[*org.Role]*org.Role{}
	for _, old := range before.Roles {
		if r, ok := after.Role(old.ID()); ok {
			match[old] = r
			continue
		}
		for _, r := range after.Roles {
			if slices.ContainsFunc(r.Page.Meta.Aliases, func(a page.Text) bool { return sameURL(a.Value, old.Page.URL) }) {
				match[old] = r
				break
			}
		}
	}
	return match
}

func (d *Diff) roles(before, after *org.Graph, match map[*org.Role]*org.Role) {
	matched := map[*org.Role]bool{}
	for _, old := range before.Roles {
		r, ok := match[old]
		if !ok {
			d.Removed = append(d.Removed, role(old))
			continue
		}
		matched[r] = true
		if r.ID() != old.ID() || r.Page.Title != old.Page.Title {
			d.Renamed = append(d.Renamed, Rename{OldID: old.ID(), NewID: r.ID(), OldTitle: old.Page.Title, NewTitle: r.Page.Title})
		}
	}
	for _, r := range after.Roles {
		if !matched[r] {
			d.Added = append(d.Added, role(r))
		}
	}
}

func role(r *org.Role) Role {
	return Role{ID: r.ID(), Title: r.Page.Title, File: r.Page.Path, ReportsTo: titles(r.ReportsTo)}
}

func titles(roles []*org.Role) []string {
	out := make([]string, len(roles))
	for i, r := range roles {
		out[i] = r.Page.Title
	}
	return out
}

// lines compares the reporting line of every role that is in both: by the
// roles it reports to, so that renaming a manager is not a new line.
func (d *Diff) lines(before *org.Graph, match map[*org.Role]*org.Role) {
	for _, old := range before.Roles {
		r, ok := match[old]
		if !ok {
			continue
		}
		var was []*org.Role
		for _, m := range old.ReportsTo {
			if n, ok := match[m]; ok {
				was = append(was, n)
			} else {
				was = append(was, m)
			}
		}
		if !sameSet(was, r.ReportsTo) {
			d.ReportingLines = append(d.ReportingLines, Line{Role: r.Page.Title, Before: titles(old.ReportsTo), After: titles(r.ReportsTo)})
		}
	}
}

func sameSet(a, b []*org.Role) bool {
	if len(a) != len(b) {
		return false
	}
	for _, r := range a {
		if !slices.Contains(b, r) {
			return false
		}
	}
	return true
}

// positions compares the headcount of every team, by id, and in total.
func (d *Diff) positions(before, after *org.Graph) {
	ids := map[string]bool{}
	count := func(g *org.Graph, id string) (string, string) {
		for _, t := range g.Teams {
			if t.Page.Meta.ID.Value == id {
				return t.Headcount().String(), t.Page.Title
			}
		}
		return "", ""
	}
	var order []string
	for _, g := range []*org.Graph{before, after} {
		for _, t := range g.Teams {
			if id := t.Page.Meta.ID.Value; !ids[id] {
				ids[id] = true
				order = append(order, id)
			}
		}
	}
	for _, id := range order {
		b, oldTitle := count(before, id)
		a, title := count(after, id)
		if title == "" {
			title = oldTitle
		}
		if a != b {
			d.Positions = append(d.Positions, Count{Team: title, Before: b, After: a})
		}
	}
	if b, a := org.Headcount(before.Roles).String(), org.Headcount(after.Roles).String(); a != b {
		d.Positions = append(d.Positions, Count{Before: b, After: a})
	}
}

// owners compares the owner of every process, by id.
func (d *Diff) owners(before, after *org.Graph) {
	for _, p := range after.Processes {
		old := findProcess(before, p.Page.Meta.ID.Value)
		if old == nil {
			continue
		}
		if b, a := ownerTitle(old), ownerTitle(p); a != b {
			d.ProcessOwners = append(d.ProcessOwners, Owner{Process: p.Page.Title, Before: b, After: a})
		}
	}
}

func findProcess(g *org.Graph, id string) *org.Process {
	for _, p := range g.Processes {
		if p.Page.Meta.ID.Value == id {
			return p
		}
	}
	return nil
}

func ownerTitle(p *org.Process) string {
	if p.Owner == nil {
		return ""
	}
	return p.Owner.Page.Title
}

// ladders compares the steps of every ladder, by id, new and removed
// ladders included.
func (d *Diff) ladders(before, after *org.Graph) {
	steps := func(g *org.Graph, id string) ([]string, string) {
		for _, l := range g.Ladders {
			if l.Page.Meta.ID.Value == id {
				names := make([]string, len(l.Levels))
				for i, lv := range l.Levels {
					names[i] = lv.Name()
				}
				return names, l.Page.Title
			}
		}
		return nil, ""
	}
	seen := map[string]bool{}
	for _, g := range []*org.Graph{before, after} {
		for _, l := range g.Ladders {
			id := l.Page.Meta.ID.Value
			if seen[id] {
				continue
			}
			seen[id] = true
			b, oldTitle := steps(before, id)
			a, title := steps(after, id)
			if title == "" {
				title = oldTitle
			}
			if !slices.Equal(a, b) {
				d.Ladders = append(d.Ladders, Ladder{Ladder: title, Before: b, After: a})
			}
		}
	}
}

// urls finds every URL the old site published, pages and aliases, that the
// new one neither publishes nor redirects: links to it from outside, and
// bookmarks, would break.
func (d *Diff) urls(before, after *org.Graph) {
	live := map[string]bool{}
	for _, p := range after.Pages {
		live[clean(p.URL)] = true
		for _, a := range p.Meta.Aliases {
			live[clean(a.Value)] = true
		}
	}
	for _, p := range before.Pages {
		urls := []string{p.URL}
		for _, a := range p.Meta.Aliases {
			urls = append(urls, a.Value)
		}
		for _, u := range urls {
			if live[clean(u)] {
				continue
			}
			lost := LostURL{URL: clean(u), OldFile: p.Path, Alias: clean(u)}
			if q, ok := after.Page(p.Meta.ID.Value); ok {
				lost.NewFile = q.Path
			}
			d.LostURLs = append(d.LostURLs, lost)
		}
	}
}

func clean(u string) string {
	if !strings.HasSuffix(u, "/") && !strings.Contains(u[strings.LastIndex(u, "/")+1:], ".") {
		return u + "/"
	}
	return u
}

func sameURL(a, b string) bool { return clean(a) == clean(b) }

// either joins alternatives: "A", "A or B", "A, B or C".
func either(names []string) string {
	switch len(names) {
	case 0:
		return "nobody (top of the org chart)"
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

func steps(names []string) string {
	if len(names) == 0 {
		return "(no ladder)"
	}
	return strings.Join(names, " → ")
}

func positions(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
