package markdown

import (
	"testing"

	"github.com/yuin/goldmark/ast"
)

// The wants are the ids GitHub gives these headings.
func TestSlug(t *testing.T) {
	tests := []struct {
		text, want string
	}{
		{"Architecture Review Process", "architecture-review-process"},
		{"Code Review and Quality Assurance", "code-review-and-quality-assurance"},
		{"Team Lead - Serverless Architecture", "team-lead---serverless-architecture"},
		{"What's new?", "whats-new"},
		{"C++ & Go", "c--go"},
		{"snake_case and kebab-case", "snake_case-and-kebab-case"},
		{"Version 2.0 (beta)", "version-20-beta"},
		{"Café Crème", "café-crème"},
		{"ÜBER Straße", "über-straße"},
		{"Привет мир", "привет-мир"},
		{"日本語 見出し", "日本語-見出し"},
		{"🚀 Launch", "-launch"},
		{"  two  spaces ", "--two--spaces-"},
		{"multi\nline", "multiline"},
		{"?!", ""},
	}
	for _, tt := range tests {
		if got := slug(tt.text); got != tt.want {
			t.Errorf("slug(%q): got %q; want %q", tt.text, got, tt.want)
		}
	}
}

func TestHeadingIDsUnique(t *testing.T) {
	ids := newHeadingIDs()
	texts := []string{"Foo", "Foo", "Foo-1", "Foo", "?", "", "Bar"}
	want := []string{"foo", "foo-1", "foo-1-1", "foo-2", "heading", "heading-1", "bar"}
	for i, text := range texts {
		if got := string(ids.Generate([]byte(text), ast.KindHeading)); got != want[i] {
			t.Errorf("heading %d %q: got %q; want %q", i, text, got, want[i])
		}
	}
	ids.Put([]byte("taken"))
	if got := string(ids.Generate([]byte("Taken"), ast.KindHeading)); got != "taken-1" {
		t.Errorf("after Put: got %q; want %q", got, "taken-1")
	}
}
