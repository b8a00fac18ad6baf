package page

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// The readers of single values, one per shape. Each reports what is wrong
// with its value at the value, and returns the zero value then.

// describe names what n is, for "must be a string, not ...": the value
// itself when it is a short scalar, so the writer sees what was read.
func describe(n *yaml.Node) string {
	n = deref(n)
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	case yaml.ScalarNode:
		switch {
		case n.ShortTag() == "!!null":
			return "null"
		case n.ShortTag() != "!!str" && n.Value != "":
			return n.Value
		case utf8.RuneCountInString(n.Value) > 40 || strings.ContainsAny(n.Value, "\n\r"):
			return "a long string"
		}
		return strconv.Quote(n.Value)
	}
	return "nothing"
}

// value decodes v as a value of shape s; name is the key, for messages.
func (d *decoder) value(name string, s shape, v *yaml.Node) value {
	v = deref(v)
	var out value
	switch s {
	case shapeString:
		out.text, _ = d.str(name, v)
	case shapeRef:
		out.text, _ = d.ref(name, v)
	case shapeKind:
		if t, ok := d.str(name, v); ok {
			if _, ok := parseKind(t.Value); ok {
				out.text = t
			} else {
				d.errorf(v, "%s must be one of %s, not %s", name, kindList(), describe(v))
			}
		}
	case shapeBool:
		out.flag = d.flag(name, v)
	case shapeInt:
		out.number = d.number(name, v)
	case shapeStrings:
		out.texts = d.list(name, v, d.str)
	case shapeRefs:
		out.texts = d.list(name, v, d.ref)
	case shapeRefOrRefs:
		if v.Kind == yaml.ScalarNode && v.ShortTag() == "!!str" {
			if t, ok := d.ref(name, v); ok {
				out.texts = []Text{t}
			}
		} else if v.Kind == yaml.SequenceNode {
			out.texts = d.list(name, v, d.ref)
		} else {
			d.errorf(v, "%s must be a string or a list of strings, not %s", name, describe(v))
		}
	case shapeAliases:
		out.texts = d.list(name, v, d.alias)
	case shapeCount:
		out.count = d.count(name, v)
	case shapeSkills:
		out.skills = d.skills(name, v)
	case shapeLevels:
		out.levels = d.levels(name, v)
	case shapeDate:
		out.date = d.date(name, v)
	case shapeOnboarding:
		out.items = d.onboarding(name, v)
	case shapeCompetencies:
		out.comps = d.competencies(name, v)
	case shapeDuties:
		out.duties = d.duties(name, v)
	}
	return out
}

// kindList is "role, team, process, ladder or page".
func kindList() string {
	names := make([]string, len(Kinds))
	for i, k := range Kinds {
		names[i] = string(k)
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

func (d *decoder) str(name string, v *yaml.Node) (Text, bool) {
	v = deref(v)
	if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!str" {
		d.errorf(v, "%s must be a string, not %s", name, describe(v))
		return Text{}, false
	}
	return Text{Value: v.Value, Pos: d.pos(v)}, true
}

// ref reads the id of a page. An empty id can name nothing, and would
// otherwise surface later as a confusing "no page with id \"\"".
func (d *decoder) ref(name string, v *yaml.Node) (Text, bool) {
	t, ok := d.str(name, v)
	if ok && strings.TrimSpace(t.Value) == "" {
		d.errorf(v, "%s must not be empty", name)
		return Text{}, false
	}
	return t, ok
}

// alias reads an old URL of the page. It must be a path from the site root,
// because it is written out as a folder of the site.
func (d *decoder) alias(name string, v *yaml.Node) (Text, bool) {
	t, ok := d.str(name, v)
	if ok && !strings.HasPrefix(t.Value, "/") {
		d.errorf(v, "%s must start with \"/\", not %s", name, describe(v))
		return Text{}, false
	}
	return t, ok
}

func (d *decoder) flag(name string, v *yaml.Node) bool {
	var b bool
	if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!bool" || v.Decode(&b) != nil {
		d.errorf(v, "%s must be true or false, not %s", name, describe(v))
		return false
	}
	return b
}

func (d *decoder) number(name string, v *yaml.Node) int {
	var i int
	if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!int" || v.Decode(&i) != nil {
		d.errorf(v, "%s must be a whole number, not %s", name, describe(v))
		return 0
	}
	return i
}

// list reads a list whose items each item reads; name is the key, and the
// items are named "each item of <key>" in messages.
func (d *decoder) list(name string, v *yaml.Node, item func(string, *yaml.Node) (Text, bool)) []Text {
	if v.Kind != yaml.SequenceNode {
		d.errorf(v, "%s must be a list of strings, not %s", name, describe(v))
		return nil
	}
	var out []Text
	for _, n := range v.Content {
		if t, ok := item("each item of "+name, n); ok {
			out = append(out, t)
		}
	}
	return out
}

// count reads a number of people: 2, "2" or "2-3".
func (d *decoder) count(name string, v *yaml.Node) Range {
	bad := func() Range {
		d.errorf(v, "%s must be a number or a range like \"2-3\", not %s", name, describe(v))
		return Range{}
	}
	if v.Kind != yaml.ScalarNode {
		return bad()
	}
	switch v.ShortTag() {
	case "!!int":
		var i int
		if v.Decode(&i) != nil || i < 0 {
			return bad()
		}
		return Range{Min: i, Max: i, Set: true, Pos: d.pos(v)}
	case "!!str":
		lo, hi, isRange := strings.Cut(v.Value, "-")
		if !isRange {
			hi = lo
		}
		a, okA := digits(lo)
		b, okB := digits(hi)
		if !okA || !okB {
			return bad()
		}
		if a > b {
			d.errorf(v, "%s must be a range from low to high like \"%d-%d\", not %s", name, b, a, describe(v))
			return Range{}
		}
		return Range{Min: a, Max: b, Set: true, Pos: d.pos(v)}
	}
	return bad()
}

// digits parses a string of ASCII digits, which strconv.Atoi alone would
// not insist on: it takes "+2".
func digits(s string) (int, bool) {
	if s == "" || strings.Trim(s, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// skills reads a plain list, which is all required, or a mapping of required
// and preferred lists.
func (d *decoder) skills(name string, v *yaml.Node) Skills {
	switch v.Kind {
	case yaml.SequenceNode:
		return Skills{Required: d.list(name, v, d.str)}
	case yaml.MappingNode:
		var s Skills
		decodeKeys(d, v, skillKeys(), scope{prefix: name + ".", where: " in " + name}, &s)
		return s
	}
	d.errorf(v, "%s must be a list of strings or a mapping with required and preferred lists, not %s", name, describe(v))
	return Skills{}
}

// levels reads the steps of a ladder.
func (d *decoder) levels(name string, v *yaml.Node) []Level {
	if v.Kind != yaml.SequenceNode {
		d.errorf(v, "%s must be a list of mappings with role, title and typical, not %s", name, describe(v))
		return nil
	}
	var out []Level
	for _, n := range v.Content {
		n = deref(n)
		if n.Kind != yaml.MappingNode {
			d.errorf(n, "each item of %s must be a mapping with role, title and typical, not %s", name, describe(n))
			continue
		}
		l := Level{Pos: d.pos(n)}
		found := decodeKeys(d, n, levelKeys(), scope{prefix: name + "[].", where: " in a level"}, &l)
		if !found["role"] && !found["title"] {
			d.errorf(n, "level needs a role or a title")
		}
		out = append(out, l)
	}
	return out
}
