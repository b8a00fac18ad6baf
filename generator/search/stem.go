package search

import "strings"

// Stem reduces a folded word to the form the index stores, so that
// "approves", "approved" and "approving" are one term. It is deliberately
// light (plurals, -ing, -ed, a final -e) rather than Porter or Snowball:
// the client runs the same code on every query word, so it must stay a few
// lines in both languages, and a light stemmer never merges unrelated words
// such as "policy" and "police". Only words of lowercase ASCII letters are
// stemmed; identifiers, numbers and other scripts are kept as they are.
func Stem(w string) string {
	if len(w) < 4 || strings.IndexFunc(w, func(r rune) bool { return r < 'a' || r > 'z' }) >= 0 {
		return w
	}
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w = w[:len(w)-1]
	}
	switch {
	case strings.HasSuffix(w, "ing") && len(w) >= 7:
		w = w[:len(w)-3]
	case strings.HasSuffix(w, "ed") && len(w) >= 6:
		w = w[:len(w)-2]
	}
	if strings.HasSuffix(w, "e") && len(w) >= 5 {
		w = w[:len(w)-1]
	}
	return w
}
