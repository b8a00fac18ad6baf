package page

import (
	"gopkg.in/yaml.v3"

	"github.com/teamhandbook/handbook/generator/diag"
)

// OnboardingItem is one entry of a new hire's checklist. A team's items are
// inherited by every role of the team; a role's own items come after them.
type OnboardingItem struct {
	Task Text // what to do
	Link Text // optional: written like a body link, relative to this page
	When Text // optional: "week 1", "month 1", ...; items are grouped by it
	Pos  diag.Position
}

// onboardingKeys returns the keys of the mapping form of an item.
func onboardingKeys() []key[OnboardingItem] {
	return []key[OnboardingItem]{
		{"task", nil, shapeString, `What to do. Required.`,
			func(o *OnboardingItem, v value) { o.Task = v.text }},
		{"link", nil, shapeString, `A page or URL that helps, written like a link in the body: "../processes/code-review.md", "https://...".`,
			func(o *OnboardingItem, v value) { o.Link = v.text }},
		{"when", nil, shapeString, `When to do it: "week 1", "month 1". Items are grouped by it.`,
			func(o *OnboardingItem, v value) { o.When = v.text }},
	}
}

// onboarding reads a list of items, each a string (the task alone) or a
// mapping with task, link and when.
func (d *decoder) onboarding(name string, v *yaml.Node) []OnboardingItem {
	if v.Kind != yaml.SequenceNode {
		d.errorf(v, "%s must be a list of tasks, not %s", name, describe(v))
		return nil
	}
	var out []OnboardingItem
	for _, n := range v.Content {
		n = deref(n)
		switch {
		case n.Kind == yaml.ScalarNode && n.ShortTag() == "!!str":
			if t, ok := d.task("each item of "+name, n); ok {
				out = append(out, OnboardingItem{Task: t, Pos: d.pos(n)})
			}
		case n.Kind == yaml.MappingNode:
			item := OnboardingItem{Pos: d.pos(n)}
			found := decodeKeys(d, n, onboardingKeys(), scope{prefix: name + "[].", where: " in an onboarding item"}, &item)
			if !found["task"] {
				d.errorf(n, "onboarding item needs a task")
				continue
			}
			switch {
			case item.Task.Pos.Line == 0:
				// a task that is not a string, reported where it is
			case item.Task.Value == "":
				d.diags.Rule("front-matter").Errorf(item.Task.Pos, "%s[].task must not be empty", name)
			default:
				out = append(out, item)
			}
		default:
			d.errorf(n, "each item of %s must be a task or a mapping with task, link and when, not %s", name, describe(n))
		}
	}
	return out
}

// task reads the text of an item, which must say something.
func (d *decoder) task(name string, v *yaml.Node) (Text, bool) {
	t, ok := d.str(name, v)
	if ok && t.Value == "" {
		d.errorf(v, "%s must not be empty", name)
		return Text{}, false
	}
	return t, ok
}
