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
// to textLimit characters.
func TestClip(t *testing.T) {
	long := strings.Repeat("wörd  ", textLimit)
	for _, s := range []string{"", "  a \n b\t", long, long[:2*textLimit-1], strings.Repeat("x", textLimit+5), strings.Repeat("ab ", textLimit/3) + "cd"} {
		want := []rune(strings.Join(strings.Fields(s), " "))
		want = want[:min(len(want), textLimit)]
		if got := clip(s); got != string(want) {
			t.Errorf("clip(%.20q…) = %.20q… (%d); want %d characters", s, got, len([]rune(got)), len(want))
		}
	}
}
