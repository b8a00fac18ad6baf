package layout

import "testing"

func TestRelative(t *testing.T) {
	tests := []struct {
		html, base, file, want string
	}{
		{`<a href="/roles/x/">`, "/", "roles/y/index.html", `<a href="../../roles/x/">`},
		{`<a href="/">Home</a>`, "/", "index.html", `<a href="./">Home</a>`},
		{`<a href="/roles/">`, "/", "index.html", `<a href="./roles/">`},
		{`<link rel="stylesheet" href="/assets/s.1.css"><script src="/assets/a.js">`, "/", "org/index.html",
			`<link rel="stylesheet" href="../assets/s.1.css"><script src="../assets/a.js">`},
		{`<form action="/search/">`, "/", "a/b/c/index.html", `<form action="../../../search/">`},
		{`<a href="/hb/roles/x/">`, "/hb/", "roles/y/index.html", `<a href="../../roles/x/">`},
		// Not the site: other hosts, other paths, fragments, look-alike attributes, text.
		{`<a href="//cdn.example/x">`, "/", "a/index.html", `<a href="//cdn.example/x">`},
		{`<a href="https://example.com/x">`, "/", "a/index.html", `<a href="https://example.com/x">`},
		{`<a href="/other/x">`, "/hb/", "a/index.html", `<a href="/other/x">`},
		{`<a href="#top">`, "/", "a/index.html", `<a href="#top">`},
		{`<div data-href="/x/">`, "/", "a/index.html", `<div data-href="/x/">`},
		// Text never holds a raw quote: templates and the Markdown renderer escape it.
		{`<p>write href=&#34;/x/&#34; like this</p>`, "/", "a/index.html", `<p>write href=&#34;/x/&#34; like this</p>`},
		{`<img alt="x" src="/img/a.png" title="/t">`, "/", "a/b.html", `<img alt="x" src="../img/a.png" title="/t">`},
		{`<A HREF="/x/">`, "/", "a/index.html", `<A HREF="../x/">`},
	}
	for _, tt := range tests {
		if got := string(relative([]byte(tt.html), tt.base, tt.file)); got != tt.want {
			t.Errorf("relative(%s, %q, %q)\n got: %s\nwant: %s", tt.html, tt.base, tt.file, got, tt.want)
		}
	}
}
