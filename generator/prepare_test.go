package generator

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/teamhandbook/handbook/generator/markdown"
	"github.com/teamhandbook/handbook/generator/stash"
)

// TestPreparedBodies checks that a body rendered while loading, its links'
// destinations filled in afterwards, is the HTML that rendering the tree
// with the same destinations gives, for every kind of destination the
// renderer escapes or refuses.
func TestPreparedBodies(t *testing.T) {
	srcs := map[string]string{
		"links": `# Title

See [the lead](../roles/lead.md), [again](../roles/lead.md "twice") and
![a map](img/map.png "Map"), [on call](#on-call), [a query](x.md?a=1&b=2#c),
[spaces](<a b.md>), [unicode](über.md), [quotes](q.md#"x"), [js](javascript:alert(1)),
[escaped](a\_b.md), [entity](a&amp;b.md), <https://example.com/auto> and https://bare.example.com.

## On call

A footnote[^1] and ` + "`code`" + `.

[^1]: With [a link](../processes/review.md#steps).
`,
		"none":                           "Just text, no links at all.\n",
		"text that spells a placeholder": "hbdest0000000000000000x0x [a](b.md)\n",
	}
	// The Markdown package's own test pages too, so that what its
	// renderer does to links is all covered.
	files, _ := filepath.Glob(filepath.Join("markdown", "testdata", "*.md"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		srcs[filepath.Base(f)] = string(data)
	}
	// Where links lead, as resolveLinks would say: some to other strings,
	// one to a dangerous URL, the rest unchanged.
	urls := map[string]string{
		"../roles/lead.md":             "/hb/roles/lead/",
		"img/map.png":                  "/hb/img/map.png",
		"x.md?a=1&b=2#c":               "/hb/x/?a=1&b=2#c",
		"a b.md":                       "/hb/a b/",
		"über.md":                      "/hb/über/",
		"../processes/review.md#steps": "/hb/processes/review/#steps",
		"q.md#\"x\"":                   "/hb/q/#%22x%22",
		"a_b.md":                       "javascript:alert(2)",
		"a&b.md":                       "/hb/a&b/",
	}
	rewrite := func(dest string) string {
		if u, ok := urls[dest]; ok {
			return u
		}
		return dest
	}
	for _, c := range []struct{ unsafe, stashed bool }{{false, false}, {true, false}, {false, true}, {true, true}} {
		unsafe := c.unsafe
		md := markdown.New(markdown.Options{UnsafeHTML: unsafe})
		ph := newPlaceholders()
		if c.stashed {
			st, err := stash.New(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			ph.stash = st
		}
		for name, src := range srcs {
			var want bytes.Buffer
			if err := md.Render(&want, md.Parse([]byte(src)), rewrite); err != nil {
				t.Fatal(err)
			}
			pb, ok, err := ph.prepare(md, md.Parse([]byte(src)), needHTML|needText)
			if err != nil {
				t.Fatal(err)
			}
			if !ok {
				t.Errorf("%s: not prepared", name)
				continue
			}
			if pb.stashed != c.stashed {
				t.Errorf("%s: stashed %v; want %v", name, pb.stashed, c.stashed)
			}
			gotIntro, gotSecs, err := ph.text(pb)
			if err != nil {
				t.Fatal(err)
			}
			got, err := ph.take(pb, rewrite)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != want.String() {
				t.Errorf("%s (%+v): prepared body differs\ngot:  %s\nwant: %s", name, c, got, want.String())
			}
			intro, secs := md.Parse([]byte(src)).Sections()
			if gotIntro != intro || !reflect.DeepEqual(gotSecs, secs) {
				t.Errorf("%s (%+v): prepared text differs\ngot:  %q %+v\nwant: %q %+v", name, c, gotIntro, gotSecs, intro, secs)
			}
		}
	}
}

// TestPreparedBodyRefusesLookalikes checks that a body whose text spells
// this build's placeholder prefix is not prepared: its destinations could
// not be told from the text.
func TestPreparedBodyRefusesLookalikes(t *testing.T) {
	md := markdown.New(markdown.Options{})
	ph := newPlaceholders()
	for _, src := range []string{
		"A page that writes " + ph.prefix + "0x and [a link](b.md).",
		"A page that writes " + ph.prefix + "0x and no link.",
	} {
		if _, ok, _ := ph.prepare(md, md.Parse([]byte(src)), needHTML); ok {
			t.Errorf("prepared %q", src)
		}
	}
	if _, ok, _ := ph.prepare(md, md.Parse([]byte("[a](b.md) and "+strings.ToUpper(ph.prefix))), needHTML); !ok {
		t.Errorf("refused a body that does not spell the prefix")
	}
}
