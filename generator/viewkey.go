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

// view writes v's own fields and, for pages of the organisation, the parts
// of the org graph their templates show.
func (k keyWriter) view(v *layout.View) {
	k.str(v.Site.Title)
	k.str(v.Kind)
	k.str(v.Title)
	k.str(v.TitleID)
	k.str(v.Summary)
	k.str(v.URL)
	k.str(v.EditURL)
	k.int(len(v.Crumbs))
	for _, c := range v.Crumbs {
		k.item(c)
	}
	k.item(v.Prev)
	k.item(v.Next)
	k.int(len(v.Backlinks))
	for _, p := range v.Backlinks {
		k.pageLink(p)
	}
	if r := v.Role; r != nil {
		k.role(r)
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
	k.int(len(r.Ladders))
	for _, pl := range r.Ladders {
		k.str(pl.Ladder.Page.URL)
		k.str(pl.Ladder.Page.Title)
		k.int(pl.Index)
		k.int(len(pl.Ladder.Levels))
		k.level(pl.Level())
		if n := pl.Next(); n != nil {
			k.level(*n)
		}
	}
	k.int(len(m.Skills.Required))
	for _, s := range m.Skills.Required {
		k.str(s.Value)
	}
	k.int(len(m.Skills.Preferred))
	for _, s := range m.Skills.Preferred {
		k.str(s.Value)
	}
}

func (k keyWriter) level(l org.Level) {
	k.roleLink(l.Role)
	k.str(l.Name())
	k.str(l.Typical)
}

func (k keyWriter) ladder(l *org.Ladder) {
	k.int(len(l.Levels))
	for _, lv := range l.Levels {
		k.level(lv)
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
