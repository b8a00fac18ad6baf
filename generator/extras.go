package generator

import (
	"bytes"
	"encoding/xml"
	"net/url"
	"strings"

	"github.com/teamhandbook/handbook/generator/markdown"
)

// sitemap lists every page for search engines. Its URLs are absolute when
// the site has a base_url, as the sitemap protocol wants.
func (s *site) sitemap() []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	prefix := strings.TrimSuffix(s.config.BaseURL, "/")
	if prefix == "" {
		prefix = strings.TrimSuffix(s.config.BasePath(), "/")
	}
	urls := append([]string{"/org/"}, s.growthURLs()...)
	for _, sec := range s.tree.Sections() {
		if sec.Landing == nil {
			urls = append(urls, sec.URL)
		}
	}
	for _, p := range s.pages {
		urls = append(urls, p.URL)
	}
	for _, u := range urls {
		b.WriteString("  <url><loc>")
		xml.EscapeText(&b, []byte(prefix+(&url.URL{Path: u}).EscapedPath()))
		b.WriteString("</loc></url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

func chromaCSS() []byte {
	var b bytes.Buffer
	if err := markdown.WriteCSS(&b); err != nil {
		panic(err) // the styles are built in; failing here is a bug
	}
	return b.Bytes()
}
