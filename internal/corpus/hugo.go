package corpus

import (
	"os"
	"path/filepath"
)

// hugoFiles are what Hugo needs to render a generated handbook's content/:
// a configuration and minimal layouts that show each page's title and
// content, whom a role reports to, and the pages of each section. They do
// no validation and no search: the comparison favours Hugo.
var hugoFiles = map[string]string{
	"hugo.toml":                      "title = \"Bench\"\ndisableKinds = [\"taxonomy\", \"term\", \"rss\", \"sitemap\"]\n[markup.goldmark.renderer]\nunsafe = false\n",
	"layouts/_default/baseof.html":   "<!doctype html><html><head><title>{{ .Title }}</title></head><body><nav>{{ range .Site.Sections }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a> {{ end }}</nav>{{ block \"main\" . }}{{ end }}</body></html>\n",
	"layouts/_default/single.html":   "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ with .Params.reports_to }}<dl><dt>Reports to</dt><dd><a href=\"/roles/{{ . }}/\">{{ . }}</a></dd></dl>{{ end }}{{ .Content }}{{ end }}\n",
	"layouts/_default/list.html":     "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n",
	"layouts/_default/_markup/.keep": "",
}

// WriteHugoSite writes hugoFiles under dir, beside the content/ of a
// generated handbook, so that `hugo --source dir` builds the same pages.
func WriteHugoSite(dir string) error {
	for name, data := range hugoFiles {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			return err
		}
	}
	return nil
}
