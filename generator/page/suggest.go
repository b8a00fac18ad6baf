package page

// suggest returns the candidate closest to name, if it is close enough to be
// a likely misspelling: at most two edits away, and fewer edits than name has
// letters, so that "x" is not "corrected" to "id".
func suggest(name string, candidates []string) (string, bool) {
	best, bestDist := "", 3
	n := len([]rune(name))
	for _, c := range candidates {
		d := editDistance(name, c)
		if d < bestDist && d < n {
			best, bestDist = c, d
		}
	}
	return best, best != ""
}

// editDistance counts the insertions, deletions, substitutions and swaps of
// neighbouring letters that turn a into b. Swaps count once because "titel"
// for "title" is one slip of the fingers, not two.
func editDistance(a, b string) int {
	s, t := []rune(a), []rune(b)
	// rows[i%3] is row i of the usual dynamic-programming table; a swap
	// looks two rows back.
	rows := [3][]int{make([]int, len(t)+1), make([]int, len(t)+1), make([]int, len(t)+1)}
	for j := range rows[0] {
		rows[0][j] = j
	}
	for i := 1; i <= len(s); i++ {
		cur, prev, prev2 := rows[i%3], rows[(i-1)%3], rows[(i-2+3)%3]
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
