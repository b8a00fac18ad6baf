package generator

import (
	"encoding/binary"
	"hash/maphash"

	"github.com/teamhandbook/handbook/generator/layout"
	"github.com/teamhandbook/handbook/generator/nav"
	"github.com/teamhandbook/handbook/generator/org"
	"github.com/teamhandbook/handbook/generator/page"
)

// keyWriter feeds the data a view is rendered from into a digest. It writes
// what the default templates read, field by field: a field a template
// starts to read must be added here, or serve shows a stale page. The
// incremental test (TestIncrementalEqualsFullBuild) compares serve's
// rebuilds with full builds after random edits to catch that.
//
// Every string is written with its length and every list with its count,
// so that no two different inputs write the same bytes.
type keyWriter struct{ h *maphash.Hash }

// key starts a digest with the cache's seed, so that digests made by
// different rebuilds of one Builder compare equal.
func (c *renderCache) key() keyWriter {
	k := keyWriter{new(maphash.Hash)}
	k.h.SetSeed(c.seed)
	return k
}

// sum is the digest of what was written.
func (k keyWriter) sum() uint64 { return k.h.Sum64() }

func (k keyWriter) num(n uint64) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], n)
	k.h.Write(b[:])
}

func (k keyWriter) int(n int) { k.num(uint64(n)) }

func (k keyWriter) str(s string) {
	k.int(len(s))
	k.h.WriteString(s)
}

func (k keyWriter) bool(b bool) {
	if b {
		k.h.WriteByte(1)
	} else {
		k.h.WriteByte(0)
	}
}

func (k keyWriter) links(m map[string]string) {
	keys := sortedLinks(m)
	k.int(len(keys))
	for _, dest := range keys {
		k.str(dest)
		k.str(m[dest])
	}
}

func (k keyWriter) item(it *nav.Item) {
	k.bool(it != nil)
	if it != nil {
		k.str(it.Title)
		k.str(it.URL)
	}
}

func (k keyWriter) items(items []*nav.Item) {
	k.int(len(items))
	for _, it := range items {
		k.item(it)
		k.bool(it.Branch)
		k.int(it.More)
		k.items(it.Children)
	}
}

// pageLink is a page as lists show it: a link, a kind, a summary.
func (k keyWriter) pageLink(p *page.Page) {
	k.str(p.URL)
	k.str(p.Title)
	k.str(string(p.Kind))
	k.str(p.Meta.Summary.Value)
}

// view writes v's place in the navigation, its backlinks and its own
// fields. Content pages are digested by pageKey (pagekey.go) instead, which
// writes the first two apart and own the same.
func (k keyWriter) view(v *layout.View) {
	k.place(v.Crumbs, v.Prev, v.Next)
	k.int(len(v.Backlinks))
	for _, p := range v.Backlinks {
		k.pageLink(p)
	}
	k.own(v)
}

// place writes where a page is in the navigation: its breadcrumbs and the
// pages before and after it.
func (k keyWriter) place(crumbs []*nav.Item, prev, next *nav.Item) {
	k.int(len(crumbs))
	for _, c := range crumbs {
		k.item(c)
	}
	k.item(prev)
	k.item(next)
}

// own writes v's own fields and, for pages of the organisation, the parts
// of the org graph their templates show: everything but its navigation and
// backlinks.
func (k keyWriter) own(v *layout.View) {
	k.str(v.Site.Title)
	k.str(v.Kind)
	k.str(v.Title)
	k.str(v.TitleID)
	k.str(v.Summary)
	k.str(v.URL)
	k.str(v.EditURL)
	k.meta(v.Meta)
	if v.Graph != nil {
		// base.html links to "Start here" when any role has a path.
		k.bool(len(v.Graph.OnboardingRoles()) > 0)
	}
	if r := v.Role; r != nil {
		k.role(r)
	}
	switch v.Kind {
	case "onboarding":
		k.onboarding(v.Role, v.Checklist)
	case "start":
		k.start(v.Graph)
	case "skills":
		k.matrix(v.Graph)
	case "review":
		k.reviews(v.Reviews)
	}
	if sk := v.Skill; sk != nil {
		k.roleLinks(sk.Required)
		k.roleLinks(sk.Preferred)
		k.bool(len(v.Graph.SkilledRoles()) > 0)
	}
	if t := v.Team; t != nil {
		k.team(t, v.Graph)
	}
	if p := v.Process; p != nil {
		k.roleLink(p.Owner)
		k.roleLinks(p.Participants)
		k.str(p.Page.Meta.Cadence.Value)
	}
	if l := v.Ladder; l != nil {
		k.ladder(l)
	}
	if sec := v.Section; sec != nil {
		k.str(string(sec.Kind))
		k.int(len(sec.Sections))
		for _, c := range sec.Sections {
			k.str(c.URL)
			k.str(c.Title)
		}
		k.int(len(v.SectionPages))
		for _, p := range v.SectionPages {
			k.pageLink(p)
			if r, ok := v.Graph.RoleOf(p); ok {
				k.roleRow(r)
			}
		}
	}
	if v.Kind == "org" {
		k.roles(v.Graph.Roles)
		k.chart(v.Chart)
	}
}

func (k keyWriter) roleLink(r *org.Role) {
	k.bool(r != nil)
	if r != nil {
		k.str(r.Page.URL)
		k.str(r.Page.Title)
		k.bool(r.External())
	}
}

func (k keyWriter) roleLinks(rs []*org.Role) {
	k.int(len(rs))
	for _, r := range rs {
		k.roleLink(r)
	}
}

func (k keyWriter) teamLink(t *org.Team) {
	k.bool(t != nil)
	if t != nil {
		k.str(t.Page.URL)
		k.str(t.Page.Title)
	}
}

// roleRow is a role as the roles table shows it.
func (k keyWriter) roleRow(r *org.Role) {
	k.roleLink(r)
	k.str(r.Positions().String())
	k.roleLinks(r.ReportsTo)
	k.teamLink(r.Team)
}

// roles writes what the org chart's headline counts.
func (k keyWriter) roles(rs []*org.Role) {
	k.int(len(rs))
	for _, r := range rs {
		k.roleRow(r)
	}
}

// role writes what role.html shows.
func (k keyWriter) role(r *org.Role) {
	k.roleRow(r)
	m := r.Page.Meta
	k.bool(m.DirectReports.Set)
	k.str(m.DirectReports.String())
	chain := r.Chain()
	k.int(len(chain))
	for _, step := range chain {
		k.roleLinks(step)
	}
	k.int(len(r.Reports))
	for _, c := range r.Reports {
		k.roleLink(c)
		k.str(c.Positions().String())
		k.roleLinks(c.ReportsTo)
	}
	k.int(len(r.Processes))
	for _, p := range r.Processes {
		k.str(p.Page.URL)
		k.str(p.Page.Title)
		k.bool(r.Owns(p))
	}
	k.str(r.OnboardingURL())
	k.places(r.Ladders)
	k.skills(r.Skills)
}

// places writes where a role stands on its ladders, with what its level
// expects, as role.html and onboarding.html show it.
func (k keyWriter) places(ps []org.Place) {
	k.int(len(ps))
	for _, pl := range ps {
		k.str(pl.Ladder.Page.URL)
		k.str(pl.Ladder.Page.Title)
		k.int(pl.Index)
		k.int(len(pl.Ladder.Levels))
		k.level(pl.Level())
		k.bool(pl.Next() != nil)
		if n := pl.Next(); n != nil {
			k.level(*n)
		}
		es := pl.Expectations()
		k.int(len(es))
		for _, e := range es {
			k.str(e.Competency)
			k.str(e.Text)
		}
	}
}

func (k keyWriter) skillLink(s *org.Skill) {
	k.str(s.Name)
	k.bool(s.Page != nil)
	if s.Page != nil {
		k.str(s.Page.URL)
	}
}

func (k keyWriter) skills(rs org.RoleSkills) {
	k.int(len(rs.Required))
	for _, s := range rs.Required {
		k.skillLink(s)
	}
	k.int(len(rs.Preferred))
	for _, s := range rs.Preferred {
		k.skillLink(s)
	}
}

// meta writes a page's footer and review notice (pagemeta.go).
func (k keyWriter) meta(m layout.PageMeta) {
	k.roleLink(m.Owner)
	k.str(m.Updated.Format("2006-01-02"))
	k.str(m.UpdatedBy)
	k.str(m.ReviewBy.Format("2006-01-02"))
	k.bool(m.Overdue)
}

// onboarding writes what onboarding.html shows of r besides role.html's
// part: its team's lead, its peers, its processes in full, its checklist.
func (k keyWriter) onboarding(r *org.Role, list []layout.ChecklistGroup) {
	k.bool(r.Team != nil)
	if r.Team != nil {
		k.teamLink(r.Team)
		k.roleLink(r.Team.Lead)
		k.bool(r.Team.Lead == r)
	}
	k.int(len(r.Peers()))
	for _, p := range r.Peers() {
		k.roleLink(p)
		k.str(p.Positions().String())
	}
	k.int(len(r.Processes))
	for _, p := range r.Processes {
		m := p.Page.Meta
		k.str(m.Cadence.Value)
		k.str(m.Summary.Value)
		k.str(r.Does(p))
	}
	k.int(len(list))
	for _, g := range list {
		k.str(g.When)
		k.int(len(g.Items))
		for _, it := range g.Items {
			k.str(it.Task)
			k.str(it.URL)
			k.str(it.Key)
			k.bool(it.From == r.Page)
			k.str(it.From.Title)
		}
	}
}

// start writes the start-here page's list of roles by team.
func (k keyWriter) start(g *org.Graph) {
	teams := g.OnboardingByTeam()
	k.int(len(teams))
	for _, t := range teams {
		k.teamLink(t.Team)
		k.int(len(t.Roles))
		for _, r := range t.Roles {
			k.str(r.OnboardingURL())
			k.str(r.Page.Title)
			k.str(r.Page.Meta.Summary.Value)
		}
	}
}

// matrix writes the skills matrix: every skill, every role that names
// one, and how each needs each.
func (k keyWriter) matrix(g *org.Graph) {
	roles := g.SkilledRoles()
	k.roleLinks(roles)
	k.int(len(g.Skills))
	for _, s := range g.Skills {
		k.skillLink(s)
		for _, r := range roles {
			k.str(s.Need(r))
		}
	}
}

// reviews writes the needs-review page's groups.
func (k keyWriter) reviews(groups []layout.ReviewGroup) {
	k.int(len(groups))
	for _, g := range groups {
		k.roleLink(g.Owner)
		k.int(len(g.Pages))
		for _, p := range g.Pages {
			k.str(p.URL)
			k.str(p.Title)
			k.str(p.Meta.ReviewBy.String())
		}
	}
}

func (k keyWriter) level(l org.Level) {
	k.roleLink(l.Role)
	k.str(l.Name())
	k.str(l.Typical)
}

// ladder writes what ladder.html shows: the steps, the competency
// matrix and what changes at each step.
func (k keyWriter) ladder(l *org.Ladder) {
	k.int(len(l.Levels))
	for _, lv := range l.Levels {
		k.level(lv)
	}
	k.int(len(l.Competencies))
	for _, c := range l.Competencies {
		k.str(c.Name)
		k.int(len(c.Cells))
		for _, cell := range c.Cells {
			k.str(cell.Text)
			k.bool(cell.Repeated)
		}
	}
	k.int(len(l.Steps))
	for _, st := range l.Steps {
		k.str(st.From.Name())
		k.str(st.To.Name())
		k.int(len(st.Changes))
		for _, c := range st.Changes {
			k.str(c.Competency)
			k.str(c.Before)
			k.str(c.After)
		}
	}
}

// team writes what team.html shows, its lead's part of the chart included.
func (k keyWriter) team(t *org.Team, g *org.Graph) {
	k.roleLink(t.Lead)
	k.teamLink(t.Parent)
	k.str(t.Page.Meta.Division.Value)
	k.str(t.Headcount().String())
	k.int(len(t.Roles))
	for _, r := range t.Roles {
		k.roleLink(r)
		k.str(r.Positions().String())
	}
	k.int(len(t.Children))
	for _, c := range t.Children {
		k.teamLink(c)
	}
	if t.Lead != nil {
		k.chart([]*org.Node{g.Subtree(t.Lead)})
	}
}

func (k keyWriter) chart(nodes []*org.Node) {
	k.int(len(nodes))
	for _, n := range nodes {
		k.roleRow(n.Role)
		k.chart(n.Children)
	}
}
