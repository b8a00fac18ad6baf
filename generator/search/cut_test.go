package search

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// cutBySorting is cut as it was first written: a stable sort by title,
// then impact, the first maxPostings (or every title), back in page order.
func cutBySorting(ps []Posting) []Posting {
	ps = slices.Clone(ps)
	slices.SortStableFunc(ps, func(a, b Posting) int {
		return cmp.Or(cmp.Compare(b.Impact&titleFlag, a.Impact&titleFlag), cmp.Compare(b.Impact&127, a.Impact&127))
	})
	titles := 0
	for titles < len(ps) && ps[titles].Impact&titleFlag != 0 {
		titles++
	}
	ps = ps[:max(titles, min(len(ps), maxPostings))]
	slices.SortFunc(ps, func(a, b Posting) int { return cmp.Or(cmp.Compare(a.Page, b.Page), cmp.Compare(a.Sec, b.Sec)) })
	return ps
}

func TestCut(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, tc := range []struct {
		n        int
		levels   int     // impacts drawn from 1..levels
		titleOdd float64 // share of postings in a title
	}{
		{maxPostings + 1, impactLevels, 0},
		{maxPostings + 1, 1, 0}, // every impact equal: the first ones stay
		{3 * maxPostings, impactLevels, 0.1},
		{3 * maxPostings, 3, 0.5},
		{3 * maxPostings, impactLevels, 0.9}, // more titles than room
		{10 * maxPostings, 2, 0.01},
	} {
		ps := make([]Posting, tc.n)
		for i := range ps {
			ps[i] = Posting{Page: i / 3, Sec: i % 3, Impact: 1 + r.IntN(tc.levels)}
			if r.Float64() < tc.titleOdd {
				ps[i].Impact |= titleFlag
			}
		}
		want := cutBySorting(ps)
		got := cut(slices.Clone(ps))
		if !slices.Equal(got, want) {
			t.Errorf("cut of %d postings (impacts 1..%d, %.0f%% titles): got %d postings, want %d, or others", tc.n, tc.levels, 100*tc.titleOdd, len(got), len(want))
		}
	}
}
