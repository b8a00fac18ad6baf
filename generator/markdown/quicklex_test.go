package markdown

import (
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// chromaTestFiles returns chroma's own lexer test inputs (lexers/testdata/
// NAME.actual in its module), by lexer name.
func chromaTestFiles(t *testing.T) map[string]string {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/alecthomas/chroma/v2").Output()
	if err != nil {
		t.Fatalf("go list chroma: %v", err)
	}
	dir := filepath.Join(strings.TrimSpace(string(out)), "lexers", "testdata")
	paths, err := filepath.Glob(filepath.Join(dir, "*.actual"))
	if err != nil || len(paths) < 100 {
		t.Fatalf("chroma's test files: %d in %s, %v", len(paths), dir, err)
	}
	files := map[string]string{}
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files[strings.TrimSuffix(filepath.Base(p), ".actual")] = string(src)
	}
	return files
}

// quickLexerOf returns the quick lexer of chroma's lexer name, or nil
// when chroma has none or it is not a regex lexer.
func quickLexerOf(name string) *quickLexer {
	l := lexers.Get(name)
	if l == nil {
		return nil
	}
	q, _ := patientCopy(l).(*quickLexer)
	return q
}

// tokens lexes text with l, failing t on an error.
func tokens(t *testing.T, l chroma.Lexer, text string) []chroma.Token {
	t.Helper()
	it, err := l.Tokenise(nil, text)
	if err != nil {
		t.Fatalf("%s: %v", l.Config().Name, err)
	}
	return it.Tokens()
}

// TestQuickLexerMatchesChroma lexes chroma's test file for each of its
// lexers with the quick lexer and with chroma's own, and wants the same
// tokens: the first-rune filter may only skip rules that cannot match.
// Under -race, which slows matching about twentyfold, it lexes every
// fourth file only (cutting files short instead would leave constructs
// open, where some of chroma's rules backtrack until they time out).
func TestQuickLexerMatchesChroma(t *testing.T) {
	files := chromaTestFiles(t)
	names := slices.Sorted(maps.Keys(files))
	step := 1
	if raceEnabled || testing.Short() {
		step = 4
	}
	checked := 0
	for i := 0; i < len(names); i += step {
		name, text := names[i], files[names[i]]
		q := quickLexerOf(name)
		if q == nil {
			continue
		}
		checked++
		got, want := tokens(t, q, text), tokens(t, q.RegexLexer, text)
		if len(got) != len(want) {
			t.Errorf("%s: %d tokens; chroma %d", name, len(got), len(want))
			continue
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%s: token %d is %v; chroma %v", name, i, got[i], want[i])
				break
			}
		}
	}
	if checked < 100/step {
		t.Errorf("checked %d lexers, want at least %d", checked, 100/step)
	}
}
