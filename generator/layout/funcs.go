package layout

import (
	"fmt"
	"html/template"
	"maps"
	"slices"
	"strings"

	"github.com/teamhandbook/handbook/generator/org"
	"github.com/teamhandbook/handbook/generator/page"
)

// funcs are the functions templates may call. They are documented in
// README.md for theme authors.
func (t *Theme) funcs(g *org.Graph) template.FuncMap {
	return template.FuncMap{
		"url":       t.URL,
		"asset":     func(name string) string { return t.assetURL[name] },
		"kindLabel": func(k any) string { return capitalize(fmt.Sprint(k)) },
		"kindPlural": func(k any) string {
			if s := fmt.Sprint(k); s == string(page.KindProcess) {
				return "Processes"
			} else {
				return capitalize(s) + "s"
			}
		},
		"role": func(p *page.Page) *org.Role {
			r, _ := g.RoleOf(p)
			return r
		},
		"headcount": func(roles []*org.Role) string { return org.Headcount(roles).String() },
		"externals": func(roles []*org.Role) int {
			n := 0
			for _, r := range roles {
				if r.External() {
					n++
				}
			}
			return n
		},
		"subtree": g.Subtree,
		// others names the alternatives to one manager: "A, B or C".
		"others": func(roles []*org.Role, except *org.Role) string {
			var names []string
			for _, r := range roles {
				if r != except {
					names = append(names, r.Page.Title)
				}
			}
			if len(names) < 2 {
				return strings.Join(names, "")
			}
			return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
		},
		"list": func(v ...*org.Node) []*org.Node { return v },
		"inc":  func(i int) int { return i + 1 },
		"sub":  func(a, b int) int { return a - b },
	}
}

// URL prefixes a site path with the path the site is served under.
func (t *Theme) URL(p string) string {
	return t.base + strings.TrimPrefix(p, "/")
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}
