package org

import (
	"github.com/teamhandbook/handbook/generator/diag"
	"github.com/teamhandbook/handbook/generator/page"
)

// resolveOwners checks the owner of every page that is not a process (a
// process's owner is resolved with its participants) like any other
// reference to a role.
func (g *Graph) resolveOwners(diags *diag.List) {
	g.owners = map[*page.Page]*Role{}
	for _, p := range g.Pages {
		if p.Kind == page.KindProcess || p.Meta.Owner.Value == "" || g.byID[p.Meta.ID.Value] != p {
			continue
		}
		if r, ok := g.lookupRole(p, "owner", p.Meta.Owner, diags); ok {
			g.owners[p] = r
		}
	}
}

// OwnerOf returns the role that owns p: a process's owner, or the owner
// any page may name.
func (g *Graph) OwnerOf(p *page.Page) (*Role, bool) {
	if pr, ok := g.procs[p]; ok && pr.Owner != nil {
		return pr.Owner, true
	}
	r, ok := g.owners[p]
	return r, ok
}
