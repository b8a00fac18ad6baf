package preview

import (
	"bytes"
	"html/template"
	"io/fs"
	"strings"
	"time"

	"github.com/teamhandbook/handbook/generator/diag"
)

var zeroTime time.Time

// contextLines is how many lines of source the overlay shows on each side
// of a diagnostic's line.
const contextLines = 2

// Overlay renders the diagnostics of a failed build, or its error when it
// failed for another reason, with the source around each position read
// from site. Every text is escaped.
func Overlay(diags diag.List, err error, site fs.FS) []byte {
	type line struct {
		N      int
		Text   string
		Hit    bool
		Before string // the hit line up to the column
		At     string // from the column on
	}
	type item struct {
		Pos, Severity, Msg string
		Lines              []line
	}
	data := struct {
		Summary string
		Items   []item
	}{}
	if err != nil {
		data.Summary = err.Error()
	}
	files := map[string][]string{}
	for _, d := range diags {
		it := item{Pos: d.Pos.String(), Severity: d.Severity.String(), Msg: d.Msg}
		if d.Pos.File != "" && d.Pos.Line > 0 {
			src, ok := files[d.Pos.File]
			if !ok {
				if b, err := fs.ReadFile(site, d.Pos.File); err == nil {
					src = strings.Split(string(b), "\n")
				}
				files[d.Pos.File] = src
			}
			for n := max(1, d.Pos.Line-contextLines); n <= min(len(src), d.Pos.Line+contextLines); n++ {
				l := line{N: n, Text: strings.TrimRight(src[n-1], "\r")}
				if n == d.Pos.Line {
					l.Hit = true
					r := []rune(l.Text)
					c := min(max(d.Pos.Col-1, 0), len(r))
					l.Before, l.At = string(r[:c]), string(r[c:])
				}
				it.Lines = append(it.Lines, l)
			}
		}
		data.Items = append(data.Items, it)
	}
	var b bytes.Buffer
	if err := overlayTemplate.Execute(&b, data); err != nil {
		return []byte("<!-- overlay: " + template.HTMLEscapeString(err.Error()) + " -->")
	}
	return b.Bytes()
}

var overlayTemplate = template.Must(template.New("overlay").Parse(`<div id="hb-overlay" role="alert" aria-labelledby="hb-overlay-title">
<style>
#hb-overlay{position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,24,.92);color:#eee;font:14px/1.5 system-ui,sans-serif;padding:2rem}
#hb-overlay h2{margin:0 0 .5rem;font-size:1.2rem;color:#ff8a80}
#hb-overlay p.note{margin:0 0 1rem;color:#bbb}
#hb-overlay ol{list-style:none;padding:0;margin:0}
#hb-overlay li{background:#1e1e24;border-left:4px solid #ff5252;margin:0 0 1rem;padding:.75rem 1rem}
#hb-overlay li.warning{border-color:#ffb300}
#hb-overlay .pos{font-family:ui-monospace,monospace;color:#80d8ff}
#hb-overlay .msg{margin:.25rem 0 .5rem;white-space:pre-wrap}
#hb-overlay pre{margin:0;font:13px/1.45 ui-monospace,monospace;overflow:auto}
#hb-overlay .ln{display:inline-block;width:3.5em;color:#777;user-select:none}
#hb-overlay .hit{background:#5a1e1e;display:block}
#hb-overlay .hit mark{background:none;color:#fff;text-decoration:underline wavy #ff5252}
#hb-overlay button{position:fixed;top:1rem;right:1rem;font:inherit}
</style>
<button type="button" onclick="this.parentNode.remove()">Hide</button>
<h2 id="hb-overlay-title">The handbook has errors</h2>
<p class="note">{{with .Summary}}{{.}}. {{end}}Showing the last good version underneath; this page reloads when the files are fixed.</p>
<ol>{{range .Items}}<li class="{{.Severity}}"><div class="pos">{{.Pos}}</div><div class="msg">{{.Severity}}: {{.Msg}}</div>{{with .Lines}}<pre><code>{{range .}}{{if .Hit}}<span class="hit"><span class="ln">{{.N}}</span>{{.Before}}<mark>{{.At}}</mark></span>{{else}}<span class="ln">{{.N}}</span>{{.Text}}
{{end}}{{end}}</code></pre>{{end}}</li>{{end}}</ol>
</div>`))
