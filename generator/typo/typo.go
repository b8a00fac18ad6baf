// Package typo finds what a writer most likely meant: the "did you mean"
// behind every diagnostic about an unknown key, id, page or heading.
package typo

// Distance counts the insertions, deletions, substitutions and swaps of
// neighbouring letters that turn a into b (optimal string alignment). Swaps
// count once because "titel" for "title" is one slip of the fingers.
func Distance(a, b string) int {
	s, t := []rune(a), []rune(b)
	// rows[i%3] is row i of the usual dynamic-programming table; a swap
	// looks two rows back.
	rows := [3][]int{make([]int, len(t)+1), make([]int, len(t)+1), make([]int, len(t)+1)}
	for j := range rows[0] {
		rows[0][j] = j
	}
	for i := 1; i <= len(s); i++ {
		cur, prev, prev2 := rows[i%3], rows[(i-1)%3], rows[(i+1)%3]
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
	}
	return rows[len(s)%3][len(t)]
}

// Limit is how many typos a word of n letters may carry and still be
// recognised: short words differ from unrelated ones by a letter or two.
func Limit(n int) int {
	return max(1, min(4, n/4))
}

// Closest returns the candidate nearest to word, if it is at most limit
// edits away and fewer edits than word has letters (so "x" is not
// "corrected" to "id"). Ties go to the candidate that sorts first, so the
// answer does not depend on the candidates' order.
func Closest(word string, candidates []string, limit int) (string, bool) {
	best, bestDist := "", limit+1
	n := len([]rune(word))
	for _, c := range candidates {
		d := Distance(word, c)
		if d >= n {
			continue
		}
		if d < bestDist || d == bestDist && c < best {
			best, bestDist = c, d
		}
	}
	return best, best != ""
}
