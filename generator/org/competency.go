package org

import (
	"fmt"
	"strings"

	"github.com/teamhandbook/handbook/generator/diag"
	"github.com/teamhandbook/handbook/generator/page"

	"github.com/teamhandbook/handbook/generator/typo"
)

// Competency is one row of a ladder's level matrix.
type Competency struct {
	Name  string
	Cells []Cell // one per level of the ladder
}

// Cell is what a competency expects at one level.
type Cell struct {
	Text     string // "" when nothing is expected yet
	Written  bool   // set at this level in front matter
	Repeated bool   // not written here: the same as the level below
}

// Step is the move from one level to the next, with only the competencies
// whose expectations differ between the two.
type Step struct {
	From, To Level
	Changes  []Change
}

// Change is one competency across a step.
type Change struct {
	Competency    string
	Before, After string // Before is "" when the competency starts here
}

// Expectation is what a level asks of one competency.
type Expectation struct {
	Competency string
	Text       string
	Changed    bool // differs from the level below
}

// Expectations returns what the role's level asks, competency by competency.
func (p Place) Expectations() []Expectation {
	var out []Expectation
	for _, c := range p.Ladder.Competencies {
		cell := c.Cells[p.Index]
		if cell.Text == "" {
			continue
		}
		changed := p.Index == 0 || c.Cells[p.Index-1].Text != cell.Text
		out = append(out, Expectation{Competency: c.Name, Text: cell.Text, Changed: changed})
	}
	return out
}

// resolveCompetencies builds each ladder's matrix and the differences
// between its adjacent levels. A level is named by its role id or its title.
func (g *Graph) resolveCompetencies(diags *diag.List) {
	for _, l := range g.Ladders {
		names := map[string]int{}
		var all []string
		for i, lv := range l.Page.Meta.Levels {
			for _, n := range []string{lv.Role.Value, lv.Title.Value} {
				if _, ok := names[n]; n != "" && !ok {
					names[n] = i
					all = append(all, n)
				}
			}
		}
		for _, mc := range l.Page.Meta.Competencies {
			c := &Competency{Name: mc.Name.Value, Cells: make([]Cell, len(l.Levels))}
			set := make([]page.Text, len(l.Levels)) // the name each level was set under
			for _, e := range mc.Expectations {
				i, ok := names[e.Level.Value]
				if !ok {
					diags.Rule("reference").Errorf(e.Level.Pos, "%s", unknownLevel(mc.Name.Value, e.Level.Value, all))
					continue
				}
				// By role id and by title the same level has two names;
				// the second must not silently replace the first.
				if first := set[i]; first.Value != "" {
					diags.Rule("reference").Errorf(e.Level.Pos, "competencies.%s names level %q, which is the level %q already set on line %d", mc.Name.Value, e.Level.Value, first.Value, first.Pos.Line)
					continue
				}
				set[i] = e.Level
				c.Cells[i] = Cell{Text: e.Text.Value, Written: true}
			}
			for i := 1; i < len(c.Cells); i++ {
				if !c.Cells[i].Written {
					c.Cells[i].Text = c.Cells[i-1].Text
					c.Cells[i].Repeated = c.Cells[i].Text != ""
				}
			}
			l.Competencies = append(l.Competencies, c)
		}
		for i := 0; i+1 < len(l.Levels); i++ {
			s := Step{From: l.Levels[i], To: l.Levels[i+1]}
			for _, c := range l.Competencies {
				if before, after := c.Cells[i].Text, c.Cells[i+1].Text; before != after {
					s.Changes = append(s.Changes, Change{Competency: c.Name, Before: before, After: after})
				}
			}
			l.Steps = append(l.Steps, s)
		}
	}
}

func unknownLevel(competency, level string, levels []string) string {
	msg := fmt.Sprintf("competencies.%s names level %q, which is not on this ladder", competency, level)
	if len(levels) == 0 {
		return msg + "; the ladder has no levels"
	}
	if s, ok := typo.Closest(level, levels, typo.Limit(len(level))); ok {
		return msg + fmt.Sprintf("; did you mean %q?", s)
	}
	// "technical" for "Technical lead": the shortest name with its words.
	words, best := strings.Split(page.Slug(level), "-"), ""
	for _, n := range levels {
		if hasWordsInOrder(strings.Split(page.Slug(n), "-"), words) && (best == "" || len(n) < len(best)) {
			best = n
		}
	}
	if best != "" {
		return msg + fmt.Sprintf("; did you mean %q?", best)
	}
	quoted := make([]string, len(levels))
	for i, n := range levels {
		quoted[i] = fmt.Sprintf("%q", n)
	}
	return msg + "; levels are named by role id or title: " + strings.Join(quoted, ", ")
}
