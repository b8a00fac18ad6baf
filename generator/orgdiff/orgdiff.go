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
	ID           string   `json:"id"`
	Title        string   `json:"title"`
	File         string   `json:"file"`
	ReportsTo    []string `json:"reports_to"` // titles
	ReportsToIDs []string `json:"reports_to_ids"`
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
	Role      string   `json:"role"` // title
	RoleID    string   `json:"role_id"`
	Before    []string `json:"before"` // titles
	BeforeIDs []string `json:"before_ids"`
	After     []string `json:"after"`
	AfterIDs  []string `json:"after_ids"`
}

// Count is the positions of a team, or of the whole organisation (Team "").
type Count struct {
	Team   string `json:"team"`
	Before string `json:"before"` // "3" or "3-4"; "" when the team is new
	After  string `json:"after"`  // "" when the team is gone
}

// Owner is a process whose owner changed.
type Owner struct {
	Process   string `json:"process"` // title
	ProcessID string `json:"process_id"`
	Before    string `json:"before"` // a role title, or ""
	BeforeID  string `json:"before_id"`
	After     string `json:"after"`
	AfterID   string `json:"after_id"`
}

// Ladder is a ladder whose steps changed.
type Ladder struct {
	Ladder    string   `json:"ladder"` // title
	LadderID  string   `json:"ladder_id"`
	Before    []string `json:"before"`     // step names
	BeforeIDs []string `json:"before_ids"` // each step's role id, "" for a step that is not a role
	After     []string `json:"after"`
	AfterIDs  []string `json:"after_ids"`
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
	d.owners(before, after, match)
	d.ladders(before, after, match)
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
	return Role{ID: r.ID(), Title: r.Page.Title, File: r.Page.Path, ReportsTo: titles(r.ReportsTo), ReportsToIDs: ids(r.ReportsTo)}
}

func titles(roles []*org.Role) []string {
	out := make([]string, len(roles))
	for i, r := range roles {
		out[i] = r.Page.Title
	}
	return out
}

func ids(roles []*org.Role) []string {
	out := make([]string, len(roles))
	for i, r := range roles {
		out[i] = r.ID()
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
			d.ReportingLines = append(d.ReportingLines, Line{Role: r.Page.Title, RoleID: r.ID(),
				Before: titles(old.ReportsTo), BeforeIDs: ids(old.ReportsTo), After: titles(r.ReportsTo), AfterIDs: ids(r.ReportsTo)})
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

// owners compares the owner of every process, by id. Owners are compared as
// roles, through match, so that retitling or re-identifying the owning role
// (with an alias) is not a change of owner; titles are only for display.
func (d *Diff) owners(before, after *org.Graph, match map[*org.Role]*org.Role) {
	for _, p := range after.Processes {
		old := findProcess(before, p.Page.Meta.ID.Value)
		if old == nil {
			continue
		}
		if sameRole(match, old.Owner, p.Owner, old.Page.Meta.Owner.Value, p.Page.Meta.Owner.Value) {
			continue
		}
		d.ProcessOwners = append(d.ProcessOwners, Owner{Process: p.Page.Title, ProcessID: p.Page.Meta.ID.Value,
			Before: ownerTitle(old), BeforeID: old.Page.Meta.Owner.Value, After: ownerTitle(p), AfterID: p.Page.Meta.Owner.Value})
	}
}

// sameRole reports whether the old reference a and the new reference b name
// the same role: the role a became, or, when neither resolves (a role that
// is missing in both versions), the same raw id.
func sameRole(match map[*org.Role]*org.Role, a, b *org.Role, aID, bID string) bool {
	if a == nil || b == nil {
		return a == nil && b == nil && aID == bID
	}
	return match[a] == b
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
	switch {
	case p.Owner != nil:
		return p.Owner.Page.Title
	case p.Page.Meta.Owner.Value != "":
		return missing(p.Page.Meta.Owner.Value)
	}
	return ""
}

// missing names a role that a page refers to but that does not exist, so
// that a reviewer sees which id broke rather than an empty name.
func missing(id string) string { return id + " (missing)" }

// ladders compares the steps of every ladder, by id, new and removed
// ladders included. Role steps are compared as roles, through match, so
// that retitling a role is not a change of ladder.
func (d *Diff) ladders(before, after *org.Graph, match map[*org.Role]*org.Role) {
	find := func(g *org.Graph, id string) *org.Ladder {
		for _, l := range g.Ladders {
			if l.Page.Meta.ID.Value == id {
				return l
			}
		}
		return nil
	}
	seen := map[string]bool{}
	for _, g := range []*org.Graph{before, after} {
		for _, l := range g.Ladders {
			id := l.Page.Meta.ID.Value
			if seen[id] {
				continue
			}
			seen[id] = true
			b, a := find(before, id), find(after, id)
			if sameSteps(match, b, a) {
				continue
			}
			title := l.Page.Title // the new title when the ladder is in both
			if a != nil {
				title = a.Page.Title
			}
			names, roles := steps(b)
			d.Ladders = append(d.Ladders, Ladder{Ladder: title, LadderID: id, Before: names, BeforeIDs: roles})
			last := &d.Ladders[len(d.Ladders)-1]
			last.After, last.AfterIDs = steps(a)
		}
	}
}

// sameSteps reports whether ladders a (old) and b (new) have the same steps.
func sameSteps(match map[*org.Role]*org.Role, a, b *org.Ladder) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	if len(a.Levels) != len(b.Levels) {
		return false
	}
	for i, x := range a.Levels {
		y := b.Levels[i]
		if x.Title != y.Title || !sameRole(match, x.Role, y.Role, levelRole(a, i), levelRole(b, i)) {
			return false
		}
	}
	return true
}

// levelRole is the role id step i of l names, as written: a level whose role
// is missing has no *org.Role to ask.
func levelRole(l *org.Ladder, i int) string {
	if i < len(l.Page.Meta.Levels) {
		return l.Page.Meta.Levels[i].Role.Value
	}
	return ""
}

// steps returns the names of l's steps and their role ids; nil for no ladder.
func steps(l *org.Ladder) (names, roles []string) {
	if l == nil {
		return nil, nil
	}
	for i, lv := range l.Levels {
		name, id := lv.Name(), levelRole(l, i)
		if name == "" && id != "" {
			name = missing(id)
		}
		names, roles = append(names, name), append(roles, id)
	}
	return names, roles
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

func chain(names []string) string {
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
