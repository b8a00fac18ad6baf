package search

import (
	"encoding/binary"
	"iter"
)

// termCounts is a record's term counts, packed: for each term, its number
// as a uvarint, a byte whose low four bits say which fields have it, then
// the count in each of those fields as a uvarint. Every record's counts
// are alive at once, from cutting the pages into terms to scoring them:
// at 100,000 pages, 43 million terms took 516 MB as 12-byte termCounts
// and take about a third of that packed.
type termCounts []byte

// packTermCounts packs tcs.
func packTermCounts(tcs []termCount) termCounts {
	n := 0
	for _, tc := range tcs {
		n += uvarintLen(uint64(tc.id)) + 1
		for _, c := range tc.n {
			if c > 0 {
				n += uvarintLen(uint64(c))
			}
		}
	}
	b := make([]byte, 0, n)
	for _, tc := range tcs {
		b = binary.AppendUvarint(b, uint64(tc.id))
		var fields byte
		for f, c := range tc.n {
			if c > 0 {
				fields |= 1 << f
			}
		}
		b = append(b, fields)
		for _, c := range tc.n {
			if c > 0 {
				b = binary.AppendUvarint(b, uint64(c))
			}
		}
	}
	return b
}

// all yields the counts packTermCounts packed, in order.
func (p termCounts) all() iter.Seq[termCount] {
	return func(yield func(termCount) bool) {
		for i := 0; i < len(p); {
			var tc termCount
			id, k := binary.Uvarint(p[i:])
			tc.id, i = int32(id), i+k
			fields := p[i]
			i++
			for f := range tc.n {
				if fields&(1<<f) != 0 {
					c, k := binary.Uvarint(p[i:])
					tc.n[f], i = uint16(c), i+k
				}
			}
			if !yield(tc) {
				return
			}
		}
	}
}

func uvarintLen(x uint64) int {
	n := 1
	for x >= 0x80 {
		x >>= 7
		n++
	}
	return n
}
