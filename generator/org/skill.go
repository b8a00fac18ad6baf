package org

import (
	"slices"

	"github.com/teamhandbook/handbook/generator/diag"
	"github.com/teamhandbook/handbook/generator/page"
)

// Skill is a skill that roles need. When the handbook has skill pages
// (content/skills/), every skill is one of them and roles name them by id;
// otherwise the skills are the names roles write, and Page is nil.
type Skill struct {
	Page      *page.Page
	Name      string
	Required  []*Role // roles that need it
	Preferred []*Role // roles for which it helps
}

// RoleSkills are a role's skills, resolved.
type RoleSkills struct {
	Required  []*Skill
	Preferred []*Skill
}

// Any reports whether the role names a skill at all.
func (s RoleSkills) Any() bool { return len(s.Required)+len(s.Preferred) > 0 }

// Need says how r needs s: "required", "preferred" or "".
func (s *Skill) Need(r *Role) string {
	switch {
	case slices.Contains(s.Required, r):
		return "required"
	case slices.Contains(s.Preferred, r):
		return "preferred"
	}
	return ""
}

// SkillOf returns the skill shown on p, if p is a skill page.
func (g *Graph) SkillOf(p *page.Page) (*Skill, bool) {
	if p.Kind != page.KindSkill {
		return nil, false
	}
	s, ok := g.skills[p.Meta.ID.Value]
	return s, ok && s.Page == p
}

// SkilledRoles returns the roles that name a skill: the columns of the
// skills matrix.
func (g *Graph) SkilledRoles() []*Role { return g.skilled }

// resolveSkills links each role to the skills it names. With skill pages,
// a name must be a skill page's id, checked like every reference.
func (g *Graph) resolveSkills(diags *diag.List) {
	pages := len(g.Skills) > 0
	resolve := func(r *Role, ref page.Text) *Skill {
		if pages {
			if !g.check(r.Page, "skills", ref, page.KindSkill, diags) {
				return nil
			}
			return g.skills[ref.Value]
		}
		s, ok := g.skills[ref.Value]
		if !ok {
			s = &Skill{Name: ref.Value}
			g.skills[ref.Value] = s
			g.Skills = append(g.Skills, s)
		}
		return s
	}
	// add resolves ref and records it in the role's and the skill's list.
	add := func(r *Role, ref page.Text, mine *[]*Skill, theirs func(*Skill) *[]*Role) {
		s := resolve(r, ref)
		switch {
		case s == nil:
		case s.Need(r) != "":
			diags.Rule("reference").Errorf(ref.Pos, "skills lists %q twice", ref.Value)
		default:
			*mine = append(*mine, s)
			*theirs(s) = append(*theirs(s), r)
		}
	}
	for _, r := range g.Roles {
		m := r.Page.Meta.Skills
		for _, ref := range m.Required {
			add(r, ref, &r.Skills.Required, func(s *Skill) *[]*Role { return &s.Required })
		}
		for _, ref := range m.Preferred {
			add(r, ref, &r.Skills.Preferred, func(s *Skill) *[]*Role { return &s.Preferred })
		}
		if r.Skills.Any() {
			g.skilled = append(g.skilled, r)
		}
	}
}
