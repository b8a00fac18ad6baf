package org

import (
	"strings"
	"unicode"

	"github.com/teamhandbook/handbook/generator/page"
)

// suggest returns the id of kind k that the writer most likely meant by
// value: one whose title is value, or the id within a few typos of it.
func (g *Graph) suggest(value string, k page.Kind) string {
	slug := slugify(value)
	best, bestDist := "", maxTypos(value)+1
	for id, p := range g.byID {
		if p.Kind != k {
			continue
		}
		if slugify(p.Title) == slug || id == slug {
			return id
		}
		if d := distance(value, id); d < bestDist || d == bestDist && id < best {
			best, bestDist = id, d
		}
	}
	return best
}

// maxTypos grows with the length of a word: short ids differ by a letter
// from unrelated ones.
func maxTypos(s string) int {
	return max(1, min(4, len(s)/4))
}

func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}

// distance is the optimal string alignment distance: Levenshtein with
// transpositions of neighbours counted as one edit, the commonest typo.
func distance(a, b string) int {
	s, t := []rune(a), []rune(b)
	prev2 := make([]int, len(t)+1)
	prev := make([]int, len(t)+1)
	cur := make([]int, len(t)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(s); i++ {
		cur[0] = i
		for j := 1; j <= len(t); j++ {
			cost := 1
			if s[i-1] == t[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && s[i-1] == t[j-2] && s[i-2] == t[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(t)]
}
