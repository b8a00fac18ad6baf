package markdown

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/styles"
)

// The chroma styles for highlighted code: GitHub's, to match how the pages
// look on GitHub.
const (
	lightStyle = "github"
	darkStyle  = "github-dark"
)

// WriteCSS writes the stylesheet for highlighted code: the light style, then
// the dark one inside @media (prefers-color-scheme: dark), so that code
// follows the reader's preference without any script.
func WriteCSS(w io.Writer) error {
	light, dark := styles.Registry[lightStyle], styles.Registry[darkStyle]
	if light == nil || dark == nil {
		return fmt.Errorf("markdown: chroma has no style %q or %q", lightStyle, darkStyle)
	}
	var b strings.Builder
	f := newFormatter()
	if err := f.WriteCSS(&b, light); err != nil {
		return err
	}
	b.WriteString("@media (prefers-color-scheme: dark) {\n")
	if err := f.WriteCSS(&b, dark); err != nil {
		return err
	}
	writeResets(&b, light, dark)
	b.WriteString("}\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// writeResets writes, for the dark style, a rule undoing every property
// that the light style gives a token and the dark one leaves to the default.
//
// Both stylesheets apply in dark mode, the dark one winning only where it
// says something; without these rules a token the dark style leaves alone
// keeps its light colour: github's near-black punctuation on github-dark's
// near-black background.
func writeResets(b *strings.Builder, light, dark *chroma.Style) {
	lightBg, darkBg := light.Get(chroma.Background), dark.Get(chroma.Background)
	types := make([]chroma.TokenType, 0, len(chroma.StandardTypes))
	for t := range chroma.StandardTypes {
		types = append(types, t)
	}
	slices.Sort(types)
	for _, t := range types {
		class := chroma.StandardTypes[t]
		if class == "" || t == chroma.Background || t == chroma.PreWrapper {
			continue
		}
		l, d := light.Get(t).Sub(lightBg), dark.Get(t).Sub(darkBg)
		var props []string
		if l.Colour.IsSet() && !d.Colour.IsSet() {
			props = append(props, "color: inherit")
		}
		if l.Background.IsSet() && !d.Background.IsSet() {
			props = append(props, "background-color: transparent")
		}
		if l.Bold == chroma.Yes && d.Bold != chroma.Yes {
			props = append(props, "font-weight: normal")
		}
		if l.Italic == chroma.Yes && d.Italic != chroma.Yes {
			props = append(props, "font-style: normal")
		}
		if l.Underline == chroma.Yes && d.Underline != chroma.Yes {
			props = append(props, "text-decoration: none")
		}
		if len(props) > 0 {
			fmt.Fprintf(b, "/* %s: %s default */ .chroma .%s { %s }\n", t, darkStyle, class, strings.Join(props, "; "))
		}
	}
}
