package search

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// runeWords is Words without the ASCII fast path: every run through word.
func runeWords(s string) []Word {
	var out []Word
	rs := []rune(s)
	for i := 0; i < len(rs); {
		if !isWord(rs[i]) && !isJoiner(rs[i]) {
			i++
			continue
		}
		j := i
		for j < len(rs) && (isWord(rs[j]) || isJoiner(rs[j])) {
			j++
		}
		if w, ok := word(rs[i:j]); ok {
			out = append(out, w)
		}
		i = j
	}
	return out
}

// FuzzWordsFastPath holds the ASCII fast path to the general one.
func FuzzWordsFastPath(f *testing.F) {
	for _, s := range []string{"C++ and C#.", "time.ParseDuration", "HTTPServer ec2", "99.9% up-time", "--x--", "a+b#", "x%", "5%", "_A_", "ABCdef", "aB", "Café au lait", "ci/cd"} {
		f.Add(s)
	}
	// Random strings over the characters the rules treat specially.
	r := rand.New(rand.NewPCG(1, 2))
	const alphabet = "aZb9Y._-+#%/ é,Q1q"
	for range 2000 {
		b := make([]byte, 1+r.IntN(12))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		f.Add(string(b))
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, want := Words(s), runeWords(s)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Words(%q) = %#v; the general path gives %#v", s, got, want)
		}
	})
}

// TestClip holds clip to its definition: fields joined by one space, cut
// to the limit after a whole word (or inside a word longer than the limit).
func TestClip(t *testing.T) {
	for _, tt := range []struct {
		in    string
		limit int
		want  string
	}{
		{"", 10, ""},
		{"  a \n b\t", 10, "a b"},
		{"one two three", 13, "one two three"},
		{"one two three", 12, "one two"},
		{"one two three", 8, "one two"},
		{"one two three", 7, "one two"},
		{"one two three", 6, "one"},
		{"wörd wörd wörd", 9, "wörd wörd"},
		{"xxxxxxxxxxxx yy", 5, "xxxxx"},
		{strings.Repeat("ab ", 100), 10, "ab ab ab"},
	} {
		if got := clip(tt.in, tt.limit); got != tt.want {
			t.Errorf("clip(%q, %d) = %q; want %q", tt.in, tt.limit, got, tt.want)
		}
	}
}
