package org

import (
	"slices"

	"github.com/teamhandbook/handbook/generator/diag"
	"github.com/teamhandbook/handbook/generator/page"
)

// Does returns what r does in p, as r's page says; "" when it says nothing.
func (r *Role) Does(p *Process) string { return r.duties[p] }

// resolveDuties checks each role's processes key: every id must name a
// process, and one the role owns or takes part in, so that the text can only
// appear under a process that lists the role.
func (g *Graph) resolveDuties(diags *diag.List) {
	for _, r := range g.Roles {
		for _, d := range r.Page.Meta.Duties {
			if !g.check(r.Page, "processes", d.Process, page.KindProcess, diags) {
				continue
			}
			p := g.procs[g.byID[d.Process.Value]]
			if !slices.Contains(r.Processes, p) {
				diags.Rule("reference").Errorf(d.Process.Pos, "processes names %q, but %s does not list %q as its owner or a participant", d.Process.Value, p.Page.Path, r.ID())
				continue
			}
			if r.duties == nil {
				r.duties = map[*Process]string{}
			}
			r.duties[p] = d.Does.Value
		}
	}
}
