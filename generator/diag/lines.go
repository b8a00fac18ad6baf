package diag

import (
	"sort"
	"unicode/utf8"
)

// Lines turns byte offsets in a text, as parsers record them, into the
// 1-based line and column that diagnostics show. Columns count runes, as
// editors do, not bytes.
type Lines struct {
	text   []byte
	starts []int // the offset at which each line starts
}

// NewLines indexes the line starts of text.
func NewLines(text []byte) Lines {
	starts := []int{0}
	for i, c := range text {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return Lines{text: text, starts: starts}
}

// At returns the line and column of offset, clamped to the text.
func (l Lines) At(offset int) (line, col int) {
	offset = min(max(offset, 0), len(l.text))
	i := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > offset }) - 1
	return i + 1, utf8.RuneCount(l.text[l.starts[i]:offset]) + 1
}
