package markdown

import (
	"reflect"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

func TestLinks(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []Link
	}{
		{"inline", "See [a](a.md).\n",
			[]Link{{"a.md", 1, 5, false}}},
		{"third line of a paragraph", "One\ntwo\nthree [x](x.md#frag) and [y](y.md)\n",
			[]Link{{"x.md#frag", 3, 7, false}, {"y.md", 3, 26, false}}},
		{"non-ascii before", "Café — [x](x.md)\n",
			[]Link{{"x.md", 1, 8, false}}},
		{"wide characters before", "日本語[x](x.md)\n",
			[]Link{{"x.md", 1, 4, false}}},
		{"empty text", "[](empty.md)\n",
			[]Link{{"empty.md", 1, 1, false}}},
		{"empty destination left out", "[a]() and <>[b](b.md)\n",
			[]Link{{"b.md", 1, 13, false}}},
		{"image", "x ![alt](img.png)\n",
			[]Link{{"img.png", 1, 3, true}}},
		{"image without alt", "![](img.png)\n",
			[]Link{{"img.png", 1, 1, true}}},
		{"image in link", "[![alt](i.png)](l.md)\n",
			[]Link{{"l.md", 1, 1, false}, {"i.png", 1, 2, true}}},
		{"in emphasis", "*see [a](a.md)* and **[b](b.md)**\n",
			[]Link{{"a.md", 1, 6, false}, {"b.md", 1, 23, false}}},
		{"emphasis inside", "[*a* b](a.md) [`c`](c.md)\n",
			[]Link{{"a.md", 1, 1, false}, {"c.md", 1, 15, false}}},
		{"in table", "| a | b |\n|---|---|\n| x | é [c](c.md) |\n| `p\\|q` [d](d.md) | |\n",
			[]Link{{"c.md", 3, 9, false}, {"d.md", 4, 10, false}}},
		{"in list", "- one\n- two [a](a.md)\n  - nested [b](b.md)\n",
			[]Link{{"a.md", 2, 7, false}, {"b.md", 3, 12, false}}},
		{"in blockquote", "> quote\n> [q](q.md)\n",
			[]Link{{"q.md", 2, 3, false}}},
		{"in heading", "## See [h](h.md)\n",
			[]Link{{"h.md", 1, 8, false}}},
		// Footnotes move to the end of the tree; links stay in source order.
		{"in footnote", "Text[^1] [after](after.md).\n\n[^1]: Note [n](n.md).\n\n[last](last.md)\n",
			[]Link{{"after.md", 1, 10, false}, {"n.md", 3, 12, false}, {"last.md", 5, 1, false}}},
		{"reference", "[full][r], [collapsed][], [shortcut].\n\n[r]: r.md\n[collapsed]: c.md\n[shortcut]: s.md\n",
			[]Link{{"r.md", 1, 1, false}, {"c.md", 1, 12, false}, {"s.md", 1, 27, false}}},
		{"tab before", "- a\n\t- [t](t.md)\n",
			[]Link{{"t.md", 2, 4, false}}},
		{"crlf", "a\r\nb [c](c.md)\r\n",
			[]Link{{"c.md", 2, 3, false}}},
		{"resolved destination", "[a](a\\_b.md) [b](<my file.md>) [c](&auml;.md) [d](x%20y.md)\n",
			[]Link{{"a_b.md", 1, 1, false}, {"my file.md", 1, 14, false}, {"ä.md", 1, 32, false}, {"x%20y.md", 1, 47, false}}},
		{"autolinks left out", "<https://a.example> https://b.example www.c.example\n", []Link{}},
		{"in code left out", "`[a](a.md)`\n\n    [b](b.md)\n", []Link{}},
		{"escaped bracket", "\\[not](n.md) [yes](y.md)\n",
			[]Link{{"y.md", 1, 14, false}}},
	}
	r := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := r.Parse([]byte(tt.src)).Links
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%q:\ngot  %+v\nwant %+v", tt.src, got, tt.want)
			}
		})
	}
}

// TestLinkStartFallback covers links that goldmark gives no position: the
// '[' is found before the first text inside the link.
func TestLinkStartFallback(t *testing.T) {
	tests := []struct {
		src        string
		image      bool
		emphasis   bool // the text is inside an emphasis
		start, end int  // the first text's segment; none if equal
		want       int
	}{
		{"ab [x](y)", false, false, 4, 5, 3},
		{"[*em*](y)", false, true, 2, 4, 0},
		{"a ![alt](y)", true, false, 4, 7, 2},
		{"[](y)", false, false, 0, 0, -1},
		{"no bracket", false, false, 3, 5, -1},
	}
	for _, tt := range tests {
		link := ast.NewLink()
		var n ast.Node = link
		if tt.image {
			n = ast.NewImage(link)
		}
		if tt.start != tt.end {
			var parent ast.Node = n
			if tt.emphasis {
				parent = ast.NewEmphasis(1)
				n.AppendChild(n, parent)
			}
			parent.AppendChild(parent, ast.NewTextSegment(text.NewSegment(tt.start, tt.end)))
		}
		if got := linkStart(n, []byte(tt.src)); got != tt.want {
			t.Errorf("linkStart in %q: got %d; want %d", tt.src, got, tt.want)
		}
	}
}

func TestRewrite(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"link", "[a](../roles/x.md#a)\n",
			`<p><a href="/roles/x/#a">a</a></p>` + "\n"},
		{"image", "![a](org.png)\n",
			`<p><img src="/img/org.png" alt="a"></p>` + "\n"},
		{"reference", "[a][r]\n\n[r]: r.md\n",
			`<p><a href="/r/">a</a></p>` + "\n"},
		{"title kept", "[a](x.md \"T &amp; U\")\n",
			`<p><a href="/x/" title="T &amp; U">a</a></p>` + "\n"},
		// rewrite gets the destination resolved, and its result is escaped.
		{"resolved", "[a](a\\_b.md) [b](<my file.md>)\n",
			`<p><a href="/a_b/">a</a> <a href="/my%20file/">b</a></p>` + "\n"},
		{"attribute escaped", "[a](q.md)\n",
			`<p><a href="/q/">a</a></p>` + "\n"},
		// Autolinks are not rewritten: they are not in Doc.Links.
		{"autolink", "https://example.com/x.md\n",
			`<p><a href="https://example.com/x.md">https://example.com/x.md</a></p>` + "\n"},
		{"dangerous result dropped", "[a](evil.md)\n",
			`<p><a href="">a</a></p>` + "\n"},
	}
	rewrite := func(dest string) string {
		switch {
		case dest == "evil.md":
			return "javascript:alert(1)"
		case strings.HasSuffix(dest, ".png"):
			return "/img/" + dest
		}
		path, frag, ok := strings.Cut(dest, "#")
		out := "/" + strings.TrimSuffix(strings.TrimPrefix(path, "../"), ".md") + "/"
		if ok {
			out += "#" + frag
		}
		return out
	}
	r := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(t, r, tt.src, rewrite); got != tt.want {
				t.Errorf("%q: got %q; want %q", tt.src, got, tt.want)
			}
		})
	}

	// Every destination in Links is passed to rewrite, once per link.
	var seen []string
	d := r.Parse([]byte("[a](a.md) ![b](b.png) [c][r] ![d][r]\n\n[r]: r.md\n"))
	if err := r.Render(&strings.Builder{}, d, func(dest string) string {
		seen = append(seen, dest)
		return dest
	}); err != nil {
		t.Fatal(err)
	}
	var dests []string
	for _, l := range d.Links {
		dests = append(dests, l.Dest)
	}
	if !reflect.DeepEqual(seen, dests) {
		t.Errorf("rewrite saw %q; want Links %q", seen, dests)
	}
}
