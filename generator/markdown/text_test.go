package markdown

import "testing"

func TestText(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"paragraphs", "One\ntwo.\n\nThree.\n", "One two.\n\nThree."},
		{"title left out", "# Title\n\nBody *text*.\n", "Body text."},
		{"late h1 kept", "Body.\n\n# Late\n", "Body.\n\nLate"},
		{"headings", "## Part\n\nText.\n", "Part\n\nText."},
		{"inline markup", "**Bold**, _em_, ~~gone~~, `code <x>`, [link](l.md) and ![alt](i.png).\n",
			"Bold, em, gone, code <x>, link and alt."},
		{"entities and escapes", "Q&amp;A \\*not em\\* &lt;tag&gt; &#169;\n", "Q&A *not em* <tag> ©"},
		{"raw html left out", "a <b>bold</b> c\n\n<div>\nblock\n</div>\n\nEnd.\n", "a bold c\n\nEnd."},
		{"tight list", "Intro:\n\n- [ ] one\n- [x] two\n  - nested\n", "Intro:\n\none\ntwo\nnested"},
		{"loose list", "- one\n\n- two\n", "one\n\ntwo"},
		{"table", "| a | b |\n|---|---|\n| 1 | 2 |\n", "a b\n1 2"},
		{"code block", "Run:\n\n```sh\nmake <all>\nmake test\n```\n", "Run:\n\nmake <all>\nmake test"},
		{"footnote", "Claim[^1].\n\n[^1]: Source.\n", "Claim.\n\nSource."},
		{"autolink", "See https://example.com now.\n", "See https://example.com now."},
		{"hard break", "one  \ntwo\n", "one\ntwo"},
		{"empty", "", ""},
	}
	r := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := r.Parse([]byte(tt.src)).Text(); got != tt.want {
				t.Errorf("%q: got %q; want %q", tt.src, got, tt.want)
			}
		})
	}
}
