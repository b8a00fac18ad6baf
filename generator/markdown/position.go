package markdown

import (
	"sort"
	"unicode/utf8"
)

// lineIndex holds the byte offset at which each line of a source starts, so
// that the byte offsets goldmark records can be turned into the 1-based
// line and column that diagnostics show. Columns count runes, as editors
// do, not bytes.
type lineIndex struct {
	src    []byte
	starts []int
}

func newLineIndex(src []byte) lineIndex {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return lineIndex{src: src, starts: starts}
}

// position returns the 1-based line and column of byte offset off, or 0, 0
// when off is outside the source.
func (li lineIndex) position(off int) (line, col int) {
	if off < 0 || off > len(li.src) {
		return 0, 0
	}
	// The last line starting at or before off.
	i := sort.Search(len(li.starts), func(i int) bool { return li.starts[i] > off }) - 1
	return i + 1, utf8.RuneCount(li.src[li.starts[i]:off]) + 1
}
