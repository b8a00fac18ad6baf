package search

import (
	"slices"
	"testing"
)

func TestTermCounts(t *testing.T) {
	in := []termCount{
		{id: 0, n: [4]uint16{0, 0, 0, 1}},
		{id: 127, n: [4]uint16{1, 0, 0, 0}},
		{id: 128, n: [4]uint16{2, 3, 4, 5}},
		{id: 1 << 30, n: [4]uint16{0, 65535, 0, 300}},
	}
	p := packTermCounts(in)
	var got []termCount
	for tc := range p.all() {
		got = append(got, tc)
	}
	if !slices.Equal(got, in) {
		t.Errorf("packTermCounts then all: got %v; want %v", got, in)
	}
	if want := 3 + 3 + 7 + 11; len(p) != want {
		t.Errorf("packed %d counts into %d bytes; want %d", len(in), len(p), want)
	}
}
