package layout

import (
	"bytes"
	"strings"
)

// Pages link to each other with URLs relative to themselves ("../../roles/x/"),
// not from the server root ("/roles/x/"), so that the site works wherever it
// is put: under any sub-path, and opened straight from disk (file://), where
// "/" is the root of the file system. The templates and the Markdown renderer
// write site URLs with the base path in front; relative rewrites them once,
// on the finished page, so that shared fragments (the sidebar of a branch)
// can be rendered once for pages at different depths.

// urlAttrs are the attributes whose values are followed as links.
var urlAttrs = [][]byte{[]byte(" href"), []byte(" src"), []byte(" action")}

// relative returns html with every link attribute that starts with base
// rewritten relative to the page published at file (a path inside the
// output folder, like "roles/x/index.html").
func relative(html []byte, base, file string) []byte {
	up := upTo(file)
	return appendRelative(make([]byte, 0, len(html)+len(html)/16), html, base, up)
}

// upTo returns the prefix that leads from the page published at file back
// to the root of the site: "../../" for "roles/x/index.html".
func upTo(file string) string {
	n := strings.Count(file, "/")
	if n == 0 {
		return "./"
	}
	return strings.Repeat("../", n)
}

// appendRelative appends html to dst with the base of every site link
// replaced by up, in one pass and without allocating beyond dst's growth.
func appendRelative(dst, html []byte, base, up string) []byte {
	needle := linkNeedle(base)
	done := 0 // html[:done] is in dst
	for at := 0; ; {
		v := nextLink(html, at, needle)
		if v < 0 {
			break
		}
		dst = append(dst, html[done:v]...)
		dst = append(dst, up...)
		done = v + len(base)
		at = done
	}
	return append(dst, html[done:]...)
}

// linkNeedle is what nextLink looks for: an attribute value that starts
// with base. Looking for the base along with the `="` skips at once the
// many values that cannot be site links (chroma's class="…" in code).
func linkNeedle(base string) []byte {
	return []byte(`="` + base)
}

// nextLink returns the offset, at or after at, of the next link attribute
// value that starts with base (a site link that relative rewrites), or -1.
// needle is linkNeedle(base).
func nextLink(html []byte, at int, needle []byte) int {
	for {
		i := bytes.Index(html[at:], needle)
		if i < 0 {
			return -1
		}
		v := at + i + 2 // the value starts here
		at = v
		if !isURLAttr(html[:v-2]) || bytes.HasPrefix(html[v:], []byte("//")) {
			continue
		}
		return v
	}
}

// isURLAttr reports whether b ends with the name of a link attribute.
func isURLAttr(b []byte) bool {
	for _, a := range urlAttrs {
		if len(b) >= len(a) && bytes.EqualFold(b[len(b)-len(a):], a) {
			return true
		}
	}
	return false
}

// OutputPath maps a site URL to the file that serves it: "/roles/x/" is
// "roles/x/index.html". A page's links are made relative to that file.
func OutputPath(url string) string {
	p := strings.TrimPrefix(url, "/")
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	return p
}
