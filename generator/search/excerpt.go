package search

import (
	"strings"
	"unicode"
)

// Excerpt returns a window of text around the first word that matched,
// HTML-escaped, with every matched word inside <mark>. A word matches when
// its folded form or stem is one of the dictionary terms in matched.
func Excerpt(text string, matched map[string]bool) string {
	type span struct{ s, e int }
	var words []span
	start := -1
	for i, r := range text {
		in := unicode.IsLetter(r) || unicode.IsNumber(r)
		if in && start < 0 {
			start = i
		} else if !in && start >= 0 {
			words = append(words, span{start, i})
			start = -1
		}
	}
	if start >= 0 {
		words = append(words, span{start, len(text)})
	}
	if len(words) == 0 {
		return escape(text)
	}
	hit := func(w span) bool {
		f := Fold(text[w.s:w.e])
		return matched[f] || matched[Stem(f)]
	}
	first := 0
	for i, w := range words {
		if hit(w) {
			first = max(0, i-excerptContext)
			break
		}
	}
	end := min(len(words), first+excerptWords)
	var b strings.Builder
	if first > 0 {
		b.WriteString("… ")
	}
	prev := words[first].s
	for _, w := range words[first:end] {
		b.WriteString(escape(text[prev:w.s]))
		if hit(w) {
			b.WriteString("<mark>" + escape(text[w.s:w.e]) + "</mark>")
		} else {
			b.WriteString(escape(text[w.s:w.e]))
		}
		prev = w.e
	}
	if end < len(words) {
		b.WriteString(" …")
	} else {
		b.WriteString(escape(text[prev:]))
	}
	return b.String()
}

// escape is the client's escaping: the five characters HTML needs.
func escape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#39;").Replace(s)
}
