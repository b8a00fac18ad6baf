package page

import "gopkg.in/yaml.v3"

// Competency is one row of a ladder's level matrix: what is expected at each
// level. Levels are named as in the ladder's levels, by role id or by title;
// a level left out expects what the level below it does.
type Competency struct {
	Name         Text
	Expectations []Expectation
}

// Expectation is what a competency asks at one level.
type Expectation struct {
	Level Text // a role id or a title from levels
	Text  Text
}

// competencies reads a mapping of competency names to mappings of levels to
// expectations. The names of both are the writer's, so they cannot be
// checked against a table here; the org stage checks the levels.
func (d *decoder) competencies(name string, v *yaml.Node) []Competency {
	if v.Kind != yaml.MappingNode {
		d.errorf(v, "%s must be a mapping of competency names to levels, not %s", name, describe(v))
		return nil
	}
	var out []Competency
	for _, kv := range d.pairs(v) {
		c := Competency{Name: kv.key}
		what := name + "." + kv.key.Value
		if kv.value.Kind != yaml.MappingNode {
			d.errorf(kv.value, "%s must be a mapping of levels to expectations, not %s", what, describe(kv.value))
			continue
		}
		for _, lv := range d.pairs(kv.value) {
			if t, ok := d.task(what+"."+lv.key.Value, lv.value); ok {
				c.Expectations = append(c.Expectations, Expectation{Level: lv.key, Text: t})
			}
		}
		out = append(out, c)
	}
	return out
}

type pair struct {
	key   Text
	value *yaml.Node
}

// pairs returns the entries of a mapping whose keys are names the writer
// chooses, reporting keys that are not names or come twice.
func (d *decoder) pairs(n *yaml.Node) []pair {
	var out []pair
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := deref(n.Content[i]), deref(n.Content[i+1])
		if k.Kind != yaml.ScalarNode || k.Value == "" {
			d.errorf(k, "a key must be a name, not %s", describe(k))
			continue
		}
		if first, ok := seen[k.Value]; ok {
			d.errorf(k, "duplicate key %q; it is already set on line %d", k.Value, d.pos(first).Line)
			continue
		}
		seen[k.Value] = k
		out = append(out, pair{Text{Value: k.Value, Pos: d.pos(k)}, v})
	}
	return out
}
