package search

import (
	"strings"
	"unicode"
)

// maxWords is how many words of a query are searched; the rest are ignored.
const maxWords = 10

// stopWords are left out of a query that has other words: they match
// nearly every record and would outweigh the words that matter in the
// "most query words matched" rule.
var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields("a an and are as at be by can do does for from how i in is it my of on or our should that the this to we what when where which who why with") {
		stopWords[w] = true
	}
}

// qword is one word of a query as typed.
type qword struct {
	whole  string
	parts  []string
	phrase int  // index of its quoted phrase, or -1
	last   bool // the word being typed: matched as a prefix too
}

// parseQuery cuts a query into words. Text between double quotes is a
// phrase (an unclosed quote runs to the end). The last word is being typed
// unless the query ends with a space or a quote.
func parseQuery(q string) []qword {
	var out []qword
	for i, seg := range strings.Split(q, `"`) {
		phrase := -1
		if i%2 == 1 {
			phrase = i / 2
		}
		for _, w := range Words(seg) {
			out = append(out, qword{whole: w.Whole, parts: w.Parts, phrase: phrase})
		}
	}
	if len(out) > maxWords {
		out = out[:maxWords]
	}
	rs := []rune(q)
	if n := len(out); n > 0 && out[n-1].phrase < 0 && len(rs) > 0 {
		if r := rs[len(rs)-1]; unicode.IsLetter(r) || unicode.IsNumber(r) || isJoiner(r) {
			out[n-1].last = true
		}
	}
	var kept []qword
	for _, w := range out {
		if !stopWords[w.whole] || w.phrase >= 0 || w.last {
			kept = append(kept, w)
		}
	}
	if len(kept) == 0 {
		return out
	}
	return kept
}
