package page

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
	"gopkg.in/yaml.v3"

	"github.com/teamhandbook/handbook/generator/diag"
)

// parseTOML reads TOML front matter into the same tree of yaml.Node that
// YAML and JSON give, so that the decoder need not know TOML's tables.
//
// The tree keeps every key where it was written: a key set twice becomes two
// entries of its mapping, which the decoder reports as a duplicate, just as
// it does for YAML.
func parseTOML(data []byte) (root *yaml.Node, serr *syntaxError) {
	// The unstable parser panics when its tree is misread; a page must fail
	// with a message instead.
	defer func() {
		if r := recover(); r != nil {
			root, serr = nil, &syntaxError{msg: fmt.Sprint(r)}
		}
	}()
	b := tomlBuilder{
		data:     data,
		lines:    diag.NewLines(data),
		declared: map[*yaml.Node]bool{},
		arrays:   map[*yaml.Node]bool{},
	}
	root = b.node(yaml.MappingNode, "!!map", 0)
	var p unstable.Parser
	p.Reset(data)
	cur := root
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.KeyValue:
			b.keyValue(cur, e)
		case unstable.Table:
			cur = b.table(root, e)
		case unstable.ArrayTable:
			cur = b.arrayTable(root, e)
		}
	}
	if err := p.Error(); err != nil {
		offset := len(data)
		var perr *unstable.ParserError
		if errors.As(err, &perr) {
			offset = offsetIn(data, perr.Highlight)
		}
		line, col := b.lines.At(offset)
		return nil, &syntaxError{line: line, col: col, msg: err.Error()}
	}
	return root, nil
}

// offsetIn returns where sub starts in data. The parser's errors point into
// the text it was given, and slices of one array end at the same place, so
// the difference of their capacities is the offset.
func offsetIn(data, sub []byte) int {
	offset := cap(data) - cap(sub)
	if sub == nil || offset < 0 || offset > len(data) {
		return len(data)
	}
	return offset
}

// tomlBuilder turns TOML expressions into nodes.
type tomlBuilder struct {
	data  []byte
	lines diag.Lines
	// declared holds the tables made by a [header], which another [header]
	// may not open again; tables made implicitly by a dotted key may be.
	declared map[*yaml.Node]bool
	// arrays holds the lists made by [[headers]], which later [[headers]]
	// of the same name extend.
	arrays map[*yaml.Node]bool
}

func (b *tomlBuilder) node(kind yaml.Kind, tag string, offset int) *yaml.Node {
	line, col := b.lines.At(offset)
	n := &yaml.Node{Kind: kind, Tag: tag, Line: line, Column: col}
	if kind != yaml.ScalarNode {
		n.Style = yaml.FlowStyle
	}
	return n
}

// placedAt makes a table or list placed where its name k is: one opened by
// a [header] or a dotted key has no brackets of its own to point at.
func placedAt(kind yaml.Kind, tag string, k *yaml.Node) *yaml.Node {
	return &yaml.Node{Kind: kind, Tag: tag, Style: yaml.FlowStyle, Line: k.Line, Column: k.Column}
}

// keys returns the parts of a dotted key as string nodes, and the offset
// just after the last part.
func (b *tomlBuilder) keys(it unstable.Iterator) (keys []*yaml.Node, end int) {
	for it.Next() {
		k := it.Node()
		n := b.node(yaml.ScalarNode, "!!str", int(k.Raw.Offset))
		n.Value = string(k.Data)
		keys = append(keys, n)
		end = int(k.Raw.Offset + k.Raw.Length)
	}
	return keys, end
}

// find returns the value of name in mapping m, or nil.
func find(m *yaml.Node, name string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == name {
			return m.Content[i+1]
		}
	}
	return nil
}

// descend walks from m through the tables named by path, making the missing
// ones, and returns the last. A name that holds an array of tables stands for
// its last table, as in TOML; a name that holds anything else gets a second
// entry, which the decoder reports.
func (b *tomlBuilder) descend(m *yaml.Node, path []*yaml.Node) *yaml.Node {
	for _, k := range path {
		v := find(m, k.Value)
		switch {
		case v != nil && v.Kind == yaml.MappingNode:
			m = v
		case v != nil && b.arrays[v] && len(v.Content) > 0:
			m = v.Content[len(v.Content)-1]
		default:
			v = placedAt(yaml.MappingNode, "!!map", k)
			m.Content = append(m.Content, k, v)
			m = v
		}
	}
	return m
}

// keyValue adds "a.b = value" to the mapping m.
func (b *tomlBuilder) keyValue(m *yaml.Node, kv *unstable.Node) {
	keys, end := b.keys(kv.Key())
	if len(keys) == 0 {
		return
	}
	m = b.descend(m, keys[:len(keys)-1])
	v, _ := b.value(kv.Value(), b.skip(end))
	m.Content = append(m.Content, keys[len(keys)-1], v)
}

// table opens "[a.b]" and returns its mapping.
func (b *tomlBuilder) table(root *yaml.Node, e *unstable.Node) *yaml.Node {
	keys, _ := b.keys(e.Key())
	if len(keys) == 0 {
		return root
	}
	parent := b.descend(root, keys[:len(keys)-1])
	last := keys[len(keys)-1]
	if v := find(parent, last.Value); v != nil && v.Kind == yaml.MappingNode && !b.declared[v] {
		b.declared[v] = true
		return v
	}
	t := placedAt(yaml.MappingNode, "!!map", last)
	b.declared[t] = true
	parent.Content = append(parent.Content, last, t)
	return t
}

// arrayTable opens "[[a.b]]" and returns the new table at the end of its
// list.
func (b *tomlBuilder) arrayTable(root *yaml.Node, e *unstable.Node) *yaml.Node {
	keys, _ := b.keys(e.Key())
	if len(keys) == 0 {
		return root
	}
	parent := b.descend(root, keys[:len(keys)-1])
	last := keys[len(keys)-1]
	t := placedAt(yaml.MappingNode, "!!map", last)
	list := find(parent, last.Value)
	if list == nil || !b.arrays[list] {
		list = placedAt(yaml.SequenceNode, "!!seq", last)
		b.arrays[list] = true
		parent.Content = append(parent.Content, last, list)
	}
	list.Content = append(list.Content, t)
	return t
}

// value converts the value n, which starts at offset start, and returns it
// with the offset just after it. The parser records where scalars and inline
// tables are but not where arrays are, so arrays are found by walking from
// the "=" over whatever may stand between values.
func (b *tomlBuilder) value(n *unstable.Node, start int) (*yaml.Node, int) {
	switch n.Kind {
	case unstable.Array:
		list := b.node(yaml.SequenceNode, "!!seq", start)
		end := start + 1
		for it := n.Children(); it.Next(); {
			c := it.Node()
			if c.Kind == unstable.Comment {
				continue
			}
			var item *yaml.Node
			item, end = b.value(c, b.skip(end))
			list.Content = append(list.Content, item)
		}
		return list, b.skip(end) + 1
	case unstable.InlineTable:
		start = int(n.Raw.Offset)
		m := b.node(yaml.MappingNode, "!!map", start)
		end := start + 1
		for it := n.Children(); it.Next(); {
			c := it.Node()
			if c.Kind != unstable.KeyValue {
				continue
			}
			b.keyValue(m, c)
			end = int(c.Raw.Offset + c.Raw.Length)
		}
		return m, b.skip(end) + 1
	}
	start = int(n.Raw.Offset)
	s := b.node(yaml.ScalarNode, "", start)
	s.Value = string(n.Data)
	switch n.Kind {
	case unstable.String:
		s.Tag = "!!str"
		s.Style = yaml.DoubleQuotedStyle
	case unstable.Bool:
		s.Tag = "!!bool"
	case unstable.Integer:
		s.Tag = "!!int"
		// TOML writes 1_000 and 0x10; the decoder reads YAML's spelling.
		digits := strings.ReplaceAll(s.Value, "_", "")
		if i, err := strconv.ParseInt(digits, 0, 64); err == nil {
			s.Value = strconv.FormatInt(i, 10)
		}
	case unstable.Float:
		s.Tag = "!!float"
	default:
		s.Tag = "!!timestamp"
	}
	return s, start + int(n.Raw.Length)
}

// skip returns the offset of the next value or closing bracket at or after
// offset, passing over blanks, line ends, commas, "=" and comments.
func (b *tomlBuilder) skip(offset int) int {
	for offset < len(b.data) {
		switch b.data[offset] {
		case ' ', '\t', '\r', '\n', ',', '=':
			offset++
		case '#':
			for offset < len(b.data) && b.data[offset] != '\n' {
				offset++
			}
		default:
			return offset
		}
	}
	return offset
}
