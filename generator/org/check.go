package org

import (
	"fmt"
	"slices"
	"strings"

	"github.com/teamhandbook/handbook/generator/diag"
	"github.com/teamhandbook/handbook/generator/page"
)

// checkCycles reports reporting lines, and team parents, that go round.
func (g *Graph) checkCycles(diags *diag.List) {
	for _, c := range cycles(g.Roles, func(r *Role) []*Role { return r.ReportsTo }) {
		if len(c) == 1 {
			continue // reported by resolve as "reports to itself"
		}
		names := make([]string, 0, len(c)+1)
		for _, r := range c {
			names = append(names, r.ID())
		}
		names = append(names, c[0].ID())
		pos := refPos(c[0].Page.Meta.ReportsTo, c[1].ID())
		diags.Rule("cycle").Errorf(pos, "reporting cycle: %s; a reporting line must end at a role without reports_to", strings.Join(names, " → "))
	}
	parent := func(t *Team) []*Team {
		if t.Parent == nil {
			return nil
		}
		return []*Team{t.Parent}
	}
	for _, c := range cycles(g.Teams, parent) {
		names := make([]string, 0, len(c)+1)
		for _, t := range c {
			names = append(names, t.Page.Meta.ID.Value)
		}
		names = append(names, c[0].Page.Meta.ID.Value)
		diags.Rule("cycle").Errorf(c[0].Page.Meta.Parent.Pos, "team parent cycle: %s", strings.Join(names, " → "))
	}
}

func refPos(refs []page.Text, id string) diag.Position {
	for _, r := range refs {
		if r.Value == id {
			return r.Pos
		}
	}
	return diag.Position{}
}

// checkTops warns when the team's own roles have more than one top: usually a
// forgotten reports_to, or a role outside the team not marked external.
func (g *Graph) checkTops(diags *diag.List) {
	var tops []*Role
	for _, r := range g.Roles {
		if !r.External() && len(r.Page.Meta.ReportsTo) == 0 {
			tops = append(tops, r)
		}
	}
	if len(tops) < 2 {
		return
	}
	ids := make([]string, len(tops))
	for i, r := range tops {
		ids[i] = fmt.Sprintf("%q", r.ID())
	}
	pos := tops[0].Page.Meta.Title.Pos
	if pos.Line == 0 {
		pos = diag.Position{File: tops[0].Page.Path}
	}
	diags.Rule("org-tops").Warnf(pos, "the org chart has %d tops: %s have no reports_to; add reports_to, or mark roles outside the team external: true",
		len(tops), strings.Join(ids, ", "))
}

// checkSpans compares each declared direct_reports with the positions of the
// roles that report to the role. A role with alternative managers may or may
// not count, so the computed span is a range; only a declaration that no
// staffing could satisfy is a warning.
func (g *Graph) checkSpans(diags *diag.List) {
	for _, r := range g.Roles {
		declared := r.Page.Meta.DirectReports
		if !declared.Set {
			continue
		}
		var span page.Range
		var parts []string
		for _, c := range r.Reports {
			p := c.Positions()
			part := fmt.Sprintf("%s %s", c.ID(), p)
			span.Max += p.Max
			if len(c.ReportsTo) == 1 {
				span.Min += p.Min
			} else {
				part = fmt.Sprintf("%s 0-%d, shared with %s", c.ID(), p.Max, others(c.ReportsTo, r))
			}
			parts = append(parts, part)
		}
		if span.Max >= declared.Min && span.Min <= declared.Max {
			continue
		}
		detail := "no role reports to it"
		if len(parts) > 0 {
			detail = "the roles reporting to it have " + span.String() + " positions (" + strings.Join(parts, "; ") + ")"
		}
		diags.Rule("span").Warnf(declared.Pos, "direct_reports is %s, but %s", declared, detail)
	}
}

func others(roles []*Role, except *Role) string {
	var ids []string
	for _, r := range roles {
		if r != except {
			ids = append(ids, r.ID())
		}
	}
	slices.Sort(ids)
	return strings.Join(ids, ", ")
}
