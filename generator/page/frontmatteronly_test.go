package page

import (
	"bytes"
	"testing"

	"github.com/adrg/frontmatter"

	"github.com/teamhandbook/handbook/generator/diag"
)

// TestFrontMatterOnlyEndsWhereThePackageDoes splits files with the cut
// frontMatterOnly makes and without it, and wants the same body.
func TestFrontMatterOnlyEndsWhereThePackageDoes(t *testing.T) {
	for _, src := range []string{
		"---\ntitle: A\n---\n# Body\n",
		"\n\n  ---  \ntitle: A\n  ---\r\nBody\n---\nmore\n",
		"---\r\ntitle: A\r\n---\r\nBody\r\n",
		"---\ntitle: A\n---",
		"---\ntitle: A\n--- x\n---\nBody",
		"---\ntitle: A\nno closing line\n",
		"+++\ntitle = \"A\"\n+++\nBody\n",
		"{\n\"title\": \"A\"\n}\n\nBody\n",
		"# No front matter\n---\n",
		"",
	} {
		var fm frontMatter
		rest, err := frontmatter.Parse(bytes.NewReader([]byte(src)), &fm, formats()...)
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		want := []byte(src)[len(src)-len(rest):]
		var diags diag.List
		got := splitFrontMatter("x.md", []byte(src), &diags).body
		if !bytes.Equal(got, want) {
			t.Errorf("%q: body %q; the package alone gives %q", src, got, want)
		}
	}
}

// TestFrontMatterOnlyCuts checks where the cut is made: after the closing
// line, so that the package copies nothing of the body.
func TestFrontMatterOnlyCuts(t *testing.T) {
	for _, tc := range []struct{ src, first, want string }{
		{"---\ntitle: A\n---\n# Body\n", "---", "---\ntitle: A\n---\n"},
		{"\n  ---  \ntitle: A\n  ---\r\nBody\n", "---", "\n  ---  \ntitle: A\n  ---\r\n"},
		{"---\ntitle: A\n---", "---", "---\ntitle: A\n---"},
		{"+++\ntitle = 1\n+++\nBody", "+++", "+++\ntitle = 1\n+++\n"},
		{"---\ntitle: A\n", "---", "---\ntitle: A\n"},
		{"{\n}\n\nBody", "{", "{\n}\n\nBody"},
	} {
		if got := string(frontMatterOnly([]byte(tc.src), tc.first)); got != tc.want {
			t.Errorf("frontMatterOnly(%q, %q) = %q; want %q", tc.src, tc.first, got, tc.want)
		}
	}
}
