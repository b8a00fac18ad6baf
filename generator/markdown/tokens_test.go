package markdown

import (
	"bufio"
	"bytes"
	"maps"
	"slices"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
)

// chromaHTML is what chroma's formatter writes for tokens.
func chromaHTML(t *testing.T, tokens []chroma.Token) string {
	t.Helper()
	var b bytes.Buffer
	if err := newFormatter().Format(&b, styles.Get(lightStyle), chroma.Literator(tokens...)); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// ownHTML is what writeTokens writes for tokens.
func ownHTML(tokens []chroma.Token) string {
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	writeTokens(w, tokens)
	_ = w.Flush()
	return b.String()
}

// TestWriteTokensAsChroma wants writeTokens to write what chroma's
// formatter does: for every token type chroma names, one it does not, and
// text that needs escaping or spans lines; then for the tokens of chroma's
// test file of every lexer.
func TestWriteTokensAsChroma(t *testing.T) {
	var toks []chroma.Token
	for _, tt := range slices.Sorted(maps.Keys(chroma.StandardTypes)) {
		toks = append(toks, chroma.Token{Type: tt, Value: "a<b>&\"c'\n"})
		if empty := (chroma.Token{Type: tt + 1}); empty != chroma.EOF { // an iterator ends at EOF
			toks = append(toks, empty)
		}
	}
	toks = append(toks, chroma.Token{Type: chroma.TokenType(987654), Value: "x\n\ny"}, chroma.Token{Type: chroma.Text, Value: ""})
	if got, want := ownHTML(toks), chromaHTML(t, toks); got != want {
		i := 0
		for i < min(len(got), len(want)) && got[i] == want[i] {
			i++
		}
		t.Fatalf("token types, from byte %d:\n got %.200q\nwant %.200q", i, got[max(0, i-80):], want[max(0, i-80):])
	}
	files := chromaTestFiles(t)
	step := 1
	if raceEnabled || testing.Short() {
		step = 4
	}
	names := slices.Sorted(maps.Keys(files))
	for i := 0; i < len(names); i += step {
		l := lexers.Get(names[i])
		if l == nil {
			continue
		}
		toks := tokens(t, patient(l), files[names[i]])
		if got, want := ownHTML(toks), chromaHTML(t, toks); got != want {
			t.Errorf("%s: writeTokens differs from chroma's formatter", names[i])
		}
	}
}
