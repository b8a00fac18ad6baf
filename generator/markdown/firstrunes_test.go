package markdown

import "testing"

// TestFirstRunesRejectNoMatch tries every rule of every lexer that has a
// test file at each position of that file where the rule's filter says it
// cannot match, and wants no match there. It checks the analysis itself,
// including the rules a file never reaches. Under -race it tries every
// stride-th position, shifted rule by rule so that the positions of a file
// are still all covered.
func TestFirstRunesRejectNoMatch(t *testing.T) {
	stride := 1
	if raceEnabled || testing.Short() {
		stride = 16
	}
	rejected, shift := 0, 0
	for name, text := range chromaTestFiles(t) {
		q := quickLexerOf(name)
		if q == nil {
			continue
		}
		runes := []rune(text)
		for state, rules := range q.rules {
			for i, r := range rules {
				f := q.filters[state][i].first
				shift++
				for pos := shift % stride; pos < len(runes); pos += stride {
					if f.allows(runes, pos) {
						continue
					}
					rejected++
					m, err := r.Regexp.FindRunesMatchStartingAt(runes, pos)
					if err == nil && m != nil && m.RuneIndex == pos {
						t.Fatalf("%s: state %s rule %d %q matches %q at rune %d; its filter rejects it",
							name, state, i, r.Pattern, m.String(), pos)
					}
				}
			}
		}
	}
	if rejected == 0 {
		t.Fatal("the filters rejected no position")
	}
}

func TestFirstRunesOf(t *testing.T) {
	for _, tc := range []struct {
		flags, pattern string
		at             string // the text, the match tried at pos
		pos            int
		want           bool
	}{
		{"m", `//.*`, "a//", 0, false},
		{"m", `//.*`, "a//", 1, true},
		{"m", `\s*#.*\n`, "x#", 0, false},
		{"m", `\s*#.*\n`, " #", 0, true},
		{"m", `\s*#.*\n`, "#", 0, true},
		{"mi", `select\b`, "SELECT", 0, true},
		{"mi", `select\b`, "xSELECT", 0, false},
		{"m", `(for|if)\b`, "while", 0, false},
		{"m", `(for|if)\b`, "if", 0, true},
		{"m", `\A#!.*`, "x#!", 1, false},
		{"m", `\A#!.*`, "#!", 0, true},
		{"m", `^(\s*)(default)(:)`, "a default", 2, false},
		{"m", `^(\s*)(default)(:)`, "a\ndefault", 2, true},
		{"m", `\d*`, "x", 0, true},     // can match empty
		{"m", `[^"]+`, "x", 0, true},   // [^...] is not bounded
		{"m", `(?=/)`, "x", 0, true},   // zero width
		{"m", `\w+`, "é", 0, true},     // non-ASCII is always tried
		{"m", `(\w)\1`, "xx", 0, true}, // backreferences are not analysed
		{"m", `(?<!\.)len\b`, "x", 0, false},
		{"m", `(?<!\.)len\b`, "len", 0, true},
	} {
		f := firstRunesOf(tc.flags, tc.pattern)
		if got := f.allows([]rune(tc.at), tc.pos); got != tc.want {
			t.Errorf("firstRunesOf(%q, %q).allows(%q, %d) = %v; want %v", tc.flags, tc.pattern, tc.at, tc.pos, got, tc.want)
		}
	}
}
