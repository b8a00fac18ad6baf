package markdown

import (
	"strings"
	"testing"
)

func TestHighlight(t *testing.T) {
	tests := []struct {
		name, src  string
		want       []string // substrings of the HTML
		highlights bool
	}{
		{"go", "```go\nfunc f() {}\n```\n",
			[]string{`<pre class="chroma"><code class="language-go">`, `<span class="kd">func</span>`, "</code></pre>\n"}, true},
		{"yaml", "```yaml\nkey: value\n```\n",
			[]string{`<code class="language-yaml">`, `<span class="nt">key</span>`}, true},
		{"alias and case", "```YML\nkey: value\n```\n",
			[]string{`<code class="language-YML">`, `<span class="nt">key</span>`}, true},
		{"info after language", "```go title=\"main.go\"\nvar x\n```\n",
			[]string{`<code class="language-go">`, `<span class="kd">var</span>`}, true},
		{"unknown", "```nosuchlang\n<a> & b\n```\n",
			[]string{"<pre><code class=\"language-nosuchlang\">&lt;a&gt; &amp; b\n</code></pre>\n"}, false},
		{"none", "```\n<a> & b\n```\n",
			[]string{"<pre><code>&lt;a&gt; &amp; b\n</code></pre>\n"}, false},
		{"escaped", "```go\nx := \"<b>&amp;\"\n```\n",
			[]string{`&#34;&lt;b&gt;&amp;amp;&#34;`}, true},
		{"language attribute escaped", "```a\"b\nx\n```\n",
			[]string{`<code class="language-a&quot;b">`}, false},
	}
	r := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(t, r, tt.src, nil)
			for _, want := range tt.want {
				if !strings.Contains(got, want) {
					t.Errorf("got %q; want it to contain %q", got, want)
				}
			}
			if strings.Contains(got, "style=") {
				t.Errorf("got %q; want no inline styles", got)
			}
			if h := strings.Contains(got, `class="chroma"`); h != tt.highlights {
				t.Errorf("got %q; highlighted = %v, want %v", got, h, tt.highlights)
			}
		})
	}
}
