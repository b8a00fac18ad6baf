package org

import (
	"slices"

	"github.com/teamhandbook/handbook/generator/diag"
)

// checkLevels compares reporting lines with ladders. Both are written by
// hand in different files, so they drift: a promotion is recorded on the
// ladder but not in reports_to, or the other way round. These are warnings,
// because an organisation may choose either on purpose.
func (g *Graph) checkLevels(diags *diag.List) {
	g.checkManagersAbove(diags)
	g.checkSkippedLevels(diags)
}

// placeOn returns where r stands on l.
func placeOn(r *Role, l *Ladder) (Place, bool) {
	i := slices.IndexFunc(r.Ladders, func(p Place) bool { return p.Ladder == l })
	if i < 0 {
		return Place{}, false
	}
	return r.Ladders[i], true
}

// checkManagersAbove warns when a role reports to a role at a lower level of
// the same ladder, at the reports_to entry that says so.
func (g *Graph) checkManagersAbove(diags *diag.List) {
	for _, r := range g.Roles {
		for _, m := range r.ReportsTo {
			for _, rp := range r.Ladders {
				mp, ok := placeOn(m, rp.Ladder)
				if !ok || mp.Index >= rp.Index {
					continue
				}
				diags.Rule("ladder-order").Warnf(refPos(r.Page.Meta.ReportsTo, m.ID()),
					"manager %q is at level %d of ladder %q, below its direct report %q at level %d; a manager should not sit at a lower level than a direct report",
					m.ID(), mp.Index+1, rp.Ladder.Page.Meta.ID.Value, r.ID(), rp.Index+1)
			}
		}
	}
}

// checkSkippedLevels warns, at the ladder's level, when the role of a level
// reports past a level in between: its reporting line first meets the ladder
// again two or more role levels up. Levels that name no role ("Technical
// lead") hold nobody to report to, so passing them is fine. Of alternative
// managers the nearest counts: "reports to a senior or the lead" is fine.
func (g *Graph) checkSkippedLevels(diags *diag.List) {
	for _, l := range g.Ladders {
		for i, lv := range l.Levels {
			if lv.Role == nil {
				continue
			}
			j, via, ok := nextOnLadder(lv.Role, l, i, len(g.Roles))
			if !ok {
				continue
			}
			for k := i + 1; k < j; k++ {
				skipped := l.Levels[k].Role
				if skipped == nil {
					continue
				}
				diags.Rule("ladder-skip").Warnf(l.Page.Meta.Levels[i].Role.Pos,
					"level %d %q reports to %q at level %d, skipping level %d %q in between; let it report to %q, or reorder the ladder",
					i+1, lv.Role.ID(), via.ID(), j+1, k+1, skipped.ID(), skipped.ID())
				break
			}
		}
	}
}

// nextOnLadder follows r's reporting line up until it meets a role above
// level i of l, and returns that role's level. At each step the nearest of
// the alternatives counts; off the ladder the line goes on through the first.
func nextOnLadder(r *Role, l *Ladder, i, limit int) (int, *Role, bool) {
	cur := r
	for n := 0; n < limit && len(cur.ReportsTo) > 0; n++ {
		best, bestRole, onLadder := -1, (*Role)(nil), false
		for _, m := range cur.ReportsTo {
			p, ok := placeOn(m, l)
			if !ok {
				continue
			}
			onLadder = true
			if p.Index > i && (best < 0 || p.Index < best) {
				best, bestRole = p.Index, m
			}
		}
		if best >= 0 {
			return best, bestRole, true
		}
		if onLadder {
			return 0, nil, false // reports at or below its own level: checkManagersAbove's case
		}
		cur = cur.ReportsTo[0]
	}
	return 0, nil, false
}
