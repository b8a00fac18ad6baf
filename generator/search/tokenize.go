package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The tokenizer is mirrored line for line by assets/search.js: the client
// must cut a query into the same terms the index was built from, or exact
// matches are missed. Any change here needs the same change there (the
// parity test catches a difference).

// foldFrom and foldTo map accented Latin letters to their base letter: the
// characters from U+00C0 to U+024F whose canonical decomposition is one
// ASCII letter plus combining marks, which is what the client's
// normalize("NFD") and mark stripping give.
const (
	foldFrom = "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǢǣǦǧǨǩǪǫǬǭǮǯǰǴǵǸǹǺǻǼǽǾǿȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳ"
	foldTo   = "AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyyAaAaAaCcCcCcCcDdEeEeEeEeEeGgGgGgGgHhIiIiIiIiIJjKkLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZzOoUuAaIiOoUuUuUuUuUuAaAaÆæGgKkOoOoƷʒjGgNnAaÆæØøAaAaEeEeIiIiOoOoRrRrUuUuSsTtHhAaEeOoOoOoOoYy"
)

var foldMap = func() map[rune]rune {
	m := map[rune]rune{}
	to := []rune(foldTo)
	for i, r := range []rune(foldFrom) {
		m[r] = to[i]
	}
	return m
}()

// Fold lowercases s and strips the accents of Latin letters, so that "Café"
// and "cafe" are one term.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if f, ok := foldMap[r]; ok {
			r = f
		}
		b.WriteString(strings.ToLower(string(r)))
	}
	return b.String()
}

// isWord reports whether r is part of a word: a letter or a number.
func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }

// isJoiner reports whether r joins the parts of an identifier:
// "time.ParseDuration", "on-call", "max_retries", "ci/cd", "C++", "99.9%".
func isJoiner(r rune) bool { return strings.ContainsRune("._-+#%/", r) }

// Word is one run of text as the tokenizer sees it: Whole is the folded run
// ("time.parseduration", "on-call", "c++", "parseduration"); Parts are its
// folded pieces when it has more than one ("time", "parse", "duration").
type Word struct {
	Whole string
	Parts []string
}

// Words cuts s into runs of letters, numbers and joiners, trims joiners off
// their ends (keeping the "++" of "C++", the "#" of "C#" and the "%" of
// "99.9%"), and splits each run on joiners and camelCase.
func Words(s string) []Word {
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

// word trims and splits one run.
func word(run []rune) (Word, bool) {
	for len(run) > 0 && !isWord(run[0]) {
		run = run[1:]
	}
	for e := len(run); e > 0; e-- {
		c := run[e-1]
		if isWord(c) {
			run = run[:e]
			break
		}
		if c == '+' || c == '#' {
			j := e - 1
			for j > 0 && (run[j-1] == '+' || run[j-1] == '#') {
				j--
			}
			if j > 0 && unicode.IsLetter(run[j-1]) {
				run = run[:e]
				break
			}
		}
		if c == '%' && e >= 2 && unicode.IsDigit(run[e-2]) {
			run = run[:e]
			break
		}
		if e == 1 {
			run = nil
		}
	}
	if len(run) == 0 {
		return Word{}, false
	}
	var parts []string
	for i := 0; i < len(run); {
		if !isWord(run[i]) {
			i++
			continue
		}
		j := i
		for j < len(run) && isWord(run[j]) {
			j++
		}
		parts = append(parts, camel(run[i:j])...)
		i = j
	}
	w := Word{Whole: Fold(string(run))}
	if len(parts) > 1 {
		for _, p := range parts {
			w.Parts = append(w.Parts, Fold(p))
		}
	}
	return w, true
}

// camel splits "parseDuration" into "parse", "Duration" and "HTTPServer"
// into "HTTP", "Server"; letters and digits stay together ("ec2").
func camel(rs []rune) []string {
	var out []string
	start := 0
	for i := 1; i < len(rs); i++ {
		lowerUpper := unicode.IsLower(rs[i-1]) && unicode.IsUpper(rs[i])
		acronymEnd := unicode.IsUpper(rs[i-1]) && unicode.IsUpper(rs[i]) && i+1 < len(rs) && unicode.IsLower(rs[i+1])
		if lowerUpper || acronymEnd {
			out = append(out, string(rs[start:i]))
			start = i
		}
	}
	return append(out, string(rs[start:]))
}

// Terms returns the index terms of s: every word whole, its parts, all
// stemmed. Terms of one word may repeat.
func Terms(s string) []string {
	var out []string
	for _, w := range Words(s) {
		out = append(out, Stem(w.Whole))
		for _, p := range w.Parts {
			out = append(out, Stem(p))
		}
	}
	return out
}

// runeLen is the length of s in characters, as typo thresholds count.
func runeLen(s string) int { return utf8.RuneCountInString(s) }
