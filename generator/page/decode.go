package page

import (
	"strings"

	"github.com/teamhandbook/handbook/generator/diag"
	"gopkg.in/yaml.v3"
)

// decoder checks a front-matter tree against the key tables and fills a
// Meta. It reports every problem and goes on, so that a writer sees all of a
// file's mistakes at once; a rejected value is left out of the Meta.
type decoder struct {
	file  string
	line  int  // the file line of the front matter's first line
	kind  Kind // the page's kind, which decides the keys it may use
	diags *diag.List
}

// pos returns the file position of n. Nodes count lines from the start of
// the front matter, not of the file.
func (d *decoder) pos(n *yaml.Node) diag.Position {
	return diag.Position{File: d.file, Line: d.line + max(n.Line, 1) - 1, Col: n.Column}
}

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	d.diags.Rule("front-matter").Errorf(d.pos(n), format, args...)
}

// deref follows a YAML alias ("*name") to the value it stands for, placed
// where the alias is written: that is where the writer looks for a mistake.
func deref(n *yaml.Node) *yaml.Node {
	if n != nil && n.Kind == yaml.AliasNode && n.Alias != nil {
		v := *n.Alias
		v.Line, v.Column = n.Line, n.Column
		return &v
	}
	return n
}

// rootMapping returns the mapping at the top of the front matter, or nil
// when the front matter is empty or not a mapping.
func rootMapping(doc *yaml.Node) *yaml.Node {
	n := deref(doc)
	if n != nil && n.Kind == yaml.DocumentNode {
		if len(n.Content) == 0 {
			return nil
		}
		n = deref(n.Content[0])
	}
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	return n
}

// declaredKind returns the kind the front matter sets, if it sets a valid
// one. Which keys are allowed depends on it, so it is read before anything
// else; a bad kind is reported by the decoding that follows.
func declaredKind(root *yaml.Node) (Kind, bool) {
	if root == nil {
		return "", false
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if k := deref(root.Content[i]); k.Kind == yaml.ScalarNode && k.Value == "kind" {
			v := deref(root.Content[i+1])
			if v.Kind == yaml.ScalarNode && v.ShortTag() == "!!str" {
				if kind, ok := parseKind(v.Value); ok {
					return kind, true
				}
			}
			return "", false
		}
	}
	return "", false
}

func parseKind(s string) (Kind, bool) {
	for _, k := range Kinds {
		if string(k) == s {
			return k, true
		}
	}
	return "", false
}

// meta decodes the whole front matter.
func (d *decoder) meta(doc *yaml.Node) Meta {
	var m Meta
	n := deref(doc)
	if n == nil || n.Kind == 0 || n.Kind == yaml.DocumentNode && len(n.Content) == 0 {
		return m // nothing but comments, or nothing at all
	}
	if n.Kind == yaml.DocumentNode {
		n = deref(n.Content[0])
	}
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" {
		return m
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "front matter must be a mapping of keys to values, not %s", describe(n))
		return m
	}
	decodeKeys(d, n, metaKeys(), scope{}, &m)
	return m
}

// scope says where a mapping sits, for messages about its keys.
type scope struct {
	prefix string // put before key names: "skills."
	where  string // where an unknown key was found: " in skills"
}

// decodeKeys decodes the mapping n into dst with the given keys and returns
// the names of the keys it found, valid or not.
func decodeKeys[T any](d *decoder, n *yaml.Node, keys []key[T], sc scope, dst *T) map[string]bool {
	found := map[string]bool{}
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := deref(n.Content[i]), n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, "a key must be a name, not %s", describe(k))
			continue
		}
		name := k.Value
		if first, ok := seen[name]; ok {
			d.errorf(k, "duplicate key %q; it is already set on line %d", name, d.pos(first).Line)
			continue
		}
		seen[name] = k
		found[name] = true
		spec, ok := lookup(keys, name)
		if !ok {
			unknownKey(d, k, keys, sc)
			continue
		}
		if !spec.appliesTo(d.kind) {
			d.errorf(k, "key %q is for %s, not %s", name, kindsPhrase(spec.kinds), kindsPhrase([]Kind{d.kind}))
			continue
		}
		spec.set(dst, d.value(sc.prefix+name, spec.shape, v))
	}
	return found
}

func lookup[T any](keys []key[T], name string) (key[T], bool) {
	for _, k := range keys {
		if k.name == name {
			return k, true
		}
	}
	return key[T]{}, false
}

// unknownKey reports the key k, suggesting a key of the page's kind it may
// be a misspelling of, or failing that a key of any kind.
func unknownKey[T any](d *decoder, k *yaml.Node, keys []key[T], sc scope) {
	var own, all []string
	for _, c := range keys {
		all = append(all, c.name)
		if c.appliesTo(d.kind) {
			own = append(own, c.name)
		}
	}
	guess, ok := suggest(k.Value, own)
	if !ok {
		guess, ok = suggest(k.Value, all)
	}
	if ok {
		d.errorf(k, "unknown key %q%s; did you mean %q?", k.Value, sc.where, guess)
		return
	}
	d.errorf(k, "unknown key %q%s", k.Value, sc.where)
}

// kindsPhrase names the pages of the given kinds: "role pages", "role and
// team pages". A page that is none of the others is a plain page.
func kindsPhrase(kinds []Kind) string {
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = string(k)
		if k == KindPage {
			names[i] = "plain"
		}
	}
	switch len(names) {
	case 0:
		return "no pages"
	case 1:
		return names[0] + " pages"
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1] + " pages"
}
