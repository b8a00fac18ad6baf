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
func isWord(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&classWord != 0
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

// isJoiner reports whether r joins the parts of an identifier:
// "time.ParseDuration", "on-call", "max_retries", "ci/cd", "C++", "99.9%".
func isJoiner(r rune) bool { return r < utf8.RuneSelf && asciiClass[r]&classJoiner != 0 }

// asciiClass classifies the ASCII characters once, for the fast path.
var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range utf8.RuneSelf {
		switch {
		case c >= 'a' && c <= 'z':
			t[c] = classWord | classLetter | classLower
		case c >= 'A' && c <= 'Z':
			t[c] = classWord | classLetter | classUpper
		case c >= '0' && c <= '9':
			t[c] = classWord | classDigit
		case strings.IndexByte("._-+#%/", byte(c)) >= 0:
			t[c] = classJoiner
		}
	}
	return t
}()

const (
	classWord = 1 << iota
	classJoiner
	classLetter
	classDigit
	classLower
	classUpper
)

func is(c byte, class uint8) bool { return asciiClass[c&127]&class != 0 && c < utf8.RuneSelf }

// asciiWord is word for a run of ASCII characters, on bytes: the same
// trimming, splitting and folding, with substrings instead of copies.
func asciiWord(run string) (Word, bool) {
	for len(run) > 0 && !is(run[0], classWord) {
		run = run[1:]
	}
	for e := len(run); e > 0; e-- {
		c := run[e-1]
		if is(c, classWord) {
			run = run[:e]
			break
		}
		if c == '+' || c == '#' {
			j := e - 1
			for j > 0 && (run[j-1] == '+' || run[j-1] == '#') {
				j--
			}
			if j > 0 && is(run[j-1], classLetter) {
				run = run[:e]
				break
			}
		}
		if c == '%' && e >= 2 && is(run[e-2], classDigit) {
			run = run[:e]
			break
		}
		if e == 1 {
			run = ""
		}
	}
	if run == "" {
		return Word{}, false
	}
	w := Word{Whole: foldASCII(run)}
	if is(run[0], classWord) && len(run) == wordLen(run) && !hasCamel(run) {
		return w, true // one part: no Parts
	}
	var parts []string
	for i := 0; i < len(run); {
		if !is(run[i], classWord) {
			i++
			continue
		}
		j := i
		for j < len(run) && is(run[j], classWord) {
			j++
		}
		start := i
		for k := i + 1; k < j; k++ {
			if camelAt(run, k, j) {
				parts = append(parts, foldASCII(run[start:k]))
				start = k
			}
		}
		parts = append(parts, foldASCII(run[start:j]))
		i = j
	}
	if len(parts) > 1 {
		w.Parts = parts
	}
	return w, true
}

// wordLen is the length of the letters and digits at the start of s.
func wordLen(s string) int {
	for i := 0; i < len(s); i++ {
		if !is(s[i], classWord) {
			return i
		}
	}
	return len(s)
}

// hasCamel reports whether the ASCII word s splits at a camelCase boundary.
func hasCamel(s string) bool {
	for k := 1; k < len(s); k++ {
		if camelAt(s, k, len(s)) {
			return true
		}
	}
	return false
}

// camelAt is camel's rule on bytes: a part starts at k in s[:end] after a
// lower-case letter followed by a capital, or at the last capital of an
// acronym followed by a lower-case letter ("HTTPServer").
func camelAt(s string, k, end int) bool {
	lowerUpper := is(s[k-1], classLower) && is(s[k], classUpper)
	acronymEnd := is(s[k-1], classUpper) && is(s[k], classUpper) && k+1 < end && is(s[k+1], classLower)
	return lowerUpper || acronymEnd
}

// foldASCII is Fold for ASCII: s itself when it has no capitals.
func foldASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if is(s[i], classUpper) {
			return strings.ToLower(s)
		}
	}
	return s
}

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
	eachWord(s, func(w Word) { out = append(out, w) })
	return out
}

// eachWord calls f with each word of s, in order. Runs of ASCII, nearly all
// of a handbook, are cut as substrings without converting to runes; others
// take the general path in word. Both give the same words.
func eachWord(s string, f func(Word)) {
	for i := 0; i < len(s); {
		c, n := rune(s[i]), 1
		if c >= utf8.RuneSelf {
			c, n = utf8.DecodeRuneInString(s[i:])
		}
		if !isWord(c) && !isJoiner(c) {
			i += n
			continue
		}
		j, ascii := i, true
		for j < len(s) {
			c, n := rune(s[j]), 1
			if c >= utf8.RuneSelf {
				c, n = utf8.DecodeRuneInString(s[j:])
				ascii = false
			}
			if !isWord(c) && !isJoiner(c) {
				break
			}
			j += n
		}
		var w Word
		var ok bool
		if ascii {
			w, ok = asciiWord(s[i:j])
		} else {
			w, ok = word([]rune(s[i:j]))
		}
		if ok {
			f(w)
		}
		i = j
	}
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
func Terms(s string) []string { return appendTerms(nil, s) }

// appendTerms appends the terms of s to dst.
func appendTerms(dst []string, s string) []string {
	eachWord(s, func(w Word) {
		dst = append(dst, Stem(w.Whole))
		for _, p := range w.Parts {
			dst = append(dst, Stem(p))
		}
	})
	return dst
}

// runeLen is the length of s in characters, as typo thresholds count.
func runeLen(s string) int { return utf8.RuneCountInString(s) }
