package markdown

import (
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2/styles"
)

func TestStylesExist(t *testing.T) {
	for _, name := range []string{lightStyle, darkStyle} {
		if styles.Registry[name] == nil {
			t.Errorf("chroma has no style %q", name)
		}
	}
}

func TestWriteCSS(t *testing.T) {
	var b strings.Builder
	if err := WriteCSS(&b); err != nil {
		t.Fatal(err)
	}
	css := b.String()
	light, dark, ok := strings.Cut(css, "@media (prefers-color-scheme: dark) {\n")
	if !ok {
		t.Fatalf("no dark section in:\n%s", css)
	}
	if !strings.HasSuffix(dark, "}\n") {
		t.Errorf("dark section not closed: %q", dark[max(0, len(dark)-40):])
	}
	for _, want := range []string{
		".chroma { background-color: #f7f7f7;", // github's background
		".chroma .k { color: #cf222e }",        // github's keywords
	} {
		if !strings.Contains(light, want) {
			t.Errorf("light section lacks %q", want)
		}
	}
	for _, want := range []string{
		".chroma { color: #e6edf3; background-color: #0d1117;", // github-dark's background
		".chroma .k { color: #ff7b72 }",                        // github-dark's keywords
		// github styles punctuation near-black and github-dark leaves it
		// alone: without a reset it would be invisible in dark mode.
		".chroma .p { color: inherit }",
	} {
		if !strings.Contains(dark, want) {
			t.Errorf("dark section lacks %q", want)
		}
	}
	if strings.Count(css, "{") != strings.Count(css, "}") {
		t.Errorf("unbalanced braces in:\n%s", css)
	}
}
