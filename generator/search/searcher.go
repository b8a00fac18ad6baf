package search

import (
	"cmp"
	"maps"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// Options narrow a search.
type Options struct {
	Kind  string // only pages of this kind
	Team  string // only pages of this team
	Limit int    // results returned; 10 when 0
}

// Result is one page found, as the client returns it.
type Result struct {
	URL      string          `json:"url"`
	Title    string          `json:"title"`
	Kind     string          `json:"kind"`
	Crumbs   string          `json:"crumbs"`
	Excerpt  string          `json:"excerpt"`
	Sections []SectionResult `json:"sections"`
}

// SectionResult is a section of a result page that matched.
type SectionResult struct {
	URL     string `json:"url"`
	Title   string `json:"title"`
	Excerpt string `json:"excerpt"`
}

// Results are the pages a query found, best first, with how many pages of
// each kind matched before the kind filter (for the filter chips).
type Results struct {
	Results []Result       `json:"results"`
	Total   int            `json:"total"`
	Counts  map[string]int `json:"counts"`
}

// Tuning shared with the client.
const (
	maxPrefix      = 30 // dictionary terms a word being typed expands to
	maxTypo        = 10 // corrections tried for a word not in the dictionary
	phraseChecks   = 50 // records whose text is checked for a quoted phrase
	sectionsShown  = 3
	excerptWords   = 24
	excerptContext = 4
)

// term is a query word after the dictionary has been consulted.
type term struct {
	raw, key string
	phrase   int
	last     bool
	cands    []cand
	common   bool // a candidate's postings were cut at maxPostings
}

// cand is a dictionary term a query word matches, with its cost: 0 exact,
// 1 prefix, 2 one edit, 3 two edits, 4 a related term (synonyms.go).
type cand struct {
	term string
	cost int
}

// relatedCost is the cost of a related term: neither a typo nor a prefix
// match, chosen after every other kind of match of the same word, and
// never earning the whole-title boost.
const relatedCost = 4

// lookup finds t in the sorted dictionary.
func (idx *Index) lookup(t string) (int, bool) {
	return slices.BinarySearch(idx.Terms, t)
}

// terms resolves the words of a query: an identifier not in the
// dictionary as a whole is searched as its parts; then each word gets its
// candidates.
func (idx *Index) terms(words []qword) []*term {
	var out []*term
	for _, w := range words {
		if _, ok := idx.lookup(Stem(w.whole)); len(w.parts) == 0 || ok {
			out = append(out, &term{raw: w.whole, phrase: w.phrase, last: w.last})
			continue
		}
		for i, p := range w.parts {
			out = append(out, &term{raw: p, phrase: w.phrase, last: w.last && i == len(w.parts)-1})
		}
	}
	for _, t := range out {
		t.key = Stem(t.raw)
		if _, ok := idx.lookup(t.key); ok {
			t.cands = append(t.cands, cand{t.key, 0})
		}
		if t.phrase >= 0 {
			continue // quoted words match exactly
		}
		if t.last && runeLen(t.raw) >= 2 {
			lo := sort.SearchStrings(idx.Terms, t.raw)
			var pre []int
			for i := lo; i < len(idx.Terms) && strings.HasPrefix(idx.Terms[i], t.raw); i++ {
				if idx.Terms[i] != t.key {
					pre = append(pre, i)
				}
			}
			slices.SortStableFunc(pre, func(a, b int) int { return cmp.Compare(idx.DF[b], idx.DF[a]) })
			for _, i := range pre[:min(len(pre), maxPrefix)] {
				t.cands = append(t.cands, cand{idx.Terms[i], 1})
			}
		}
		for _, rel := range synonyms[t.key] {
			if _, ok := idx.lookup(rel); ok && !slices.ContainsFunc(t.cands, func(c cand) bool { return c.term == rel }) {
				t.cands = append(t.cands, cand{rel, relatedCost})
			}
		}
		if len(t.cands) == 0 {
			t.cands = idx.typos(t)
		}
		for _, c := range t.cands {
			i, _ := idx.lookup(c.term)
			t.common = t.common || idx.DF[i] > maxPostings
		}
	}
	return out
}

// typos finds the dictionary terms within the typo allowance of t that
// start with the same letter: people rarely get the first letter wrong, and
// it keeps the dictionary the client must fetch to one letter's shards.
func (idx *Index) typos(t *term) []cand {
	n := runeLen(t.raw)
	k := 0
	switch {
	case n >= 8:
		k = 2
	case n >= 4:
		k = 1
	}
	if k == 0 {
		return nil
	}
	first, size := utf8.DecodeRuneInString(t.raw)
	lo := sort.SearchStrings(idx.Terms, t.raw[:size])
	hi := sort.SearchStrings(idx.Terms, string(first+1))
	type found struct {
		term    string
		dist, i int
	}
	var fs []found
	for i := lo; i < hi; i++ {
		c := idx.Terms[i]
		d := min(distance(t.raw, c, k), distance(t.key, c, k))
		if d <= k {
			fs = append(fs, found{c, d, i})
		}
	}
	slices.SortStableFunc(fs, func(a, b found) int {
		return cmp.Or(cmp.Compare(a.dist, b.dist), cmp.Compare(idx.DF[b.i], idx.DF[a.i]))
	})
	var out []cand
	for _, f := range fs[:min(len(fs), maxTypo)] {
		out = append(out, cand{f.term, 1 + f.dist})
	}
	return out
}

// distance is the optimal-string-alignment distance between a and b (a
// transposition of neighbours is one edit), or k+1 when it exceeds k.
func distance(a, b string, k int) int {
	ra, rb := []rune(a), []rune(b)
	if abs(len(ra)-len(rb)) > k {
		return k + 1
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		low := i
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			low = min(low, cur[j])
		}
		if low > k {
			return k + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(rb)], k+1)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// hit is how one query term matched one record.
type hit struct {
	cost, imp int
	title, ok bool
}

// scored is a record with its rank.
type scored struct {
	page, sec                  int
	words, typos, boost, score int
	prefixes                   int
	hits                       []hit
}

func (a *scored) compare(b *scored) int {
	return cmp.Or(cmp.Compare(b.words, a.words), cmp.Compare(a.typos, b.typos), cmp.Compare(b.boost, a.boost),
		cmp.Compare(a.prefixes, b.prefixes), cmp.Compare(b.score, a.score), cmp.Compare(a.page, b.page), cmp.Compare(a.sec, b.sec))
}

// Search runs a query. The ranking, in order: most query words matched;
// fewest typos; a title that matches the whole query (a named page's most,
// see named); related terms (synonyms.go) count as matches, not typos; the summed BM25F impacts; fewest prefix matches; then index
// order. Exact matches thus beat prefix matches, which beat typos, except
// that the word being typed ranks its completions by where they occur, not
// by being complete: "serverless dev" is after "Serverless Developer",
// not a page that happens to say "dev". Each page appears once, ranked by its best record,
// with up to three of its matching sections.
func (idx *Index) Search(q string, opt Options) Results {
	if opt.Limit == 0 {
		opt.Limit = 10
	}
	res := Results{Results: []Result{}, Counts: map[string]int{}}
	terms := idx.terms(parseQuery(q))
	if len(terms) == 0 {
		return res
	}
	// Records are found by the query's ordinary words; a very common word
	// (its postings cut) only adds to records they found, unless the query
	// has nothing else. Its long postings then cost lookups, not records.
	byRec := map[int]*scored{}
	rare := slices.ContainsFunc(terms, func(t *term) bool { return !t.common })
	for _, pass := range []bool{false, true} {
		for ti, t := range terms {
			if t.common != pass {
				continue
			}
			idx.collect(byRec, ti, t, len(terms), !pass || !rare)
		}
	}
	recs := make([]*scored, 0, len(byRec))
	for _, r := range byRec {
		recs = append(recs, r)
	}
	idx.rank(recs, terms)
	recs = idx.checkPhrases(recs, terms)

	var order []int
	best := map[int][]*scored{}
	for _, r := range recs {
		if opt.Team != "" && idx.Pages[r.page].Team != opt.Team {
			continue
		}
		if _, ok := best[r.page]; !ok {
			order = append(order, r.page)
			res.Counts[idx.Pages[r.page].Kind]++
		}
		best[r.page] = append(best[r.page], r)
	}
	matched := map[string]bool{}
	for _, t := range terms {
		for _, c := range t.cands {
			matched[c.term] = true
		}
	}
	for _, pi := range order {
		p := &idx.Pages[pi]
		if opt.Kind != "" && p.Kind != opt.Kind {
			continue
		}
		res.Total++
		if len(res.Results) == opt.Limit {
			continue
		}
		r := Result{URL: p.URL, Title: p.Title, Kind: p.Kind, Crumbs: p.Crumbs, Excerpt: Excerpt(p.Recs[0].Text, matched), Sections: []SectionResult{}}
		for _, s := range best[pi] {
			if s.sec == 0 || len(r.Sections) == sectionsShown {
				continue
			}
			rec := p.Recs[s.sec]
			r.Sections = append(r.Sections, SectionResult{URL: p.URL + "#" + rec.ID, Title: rec.Title, Excerpt: Excerpt(rec.Text, matched)})
		}
		res.Results = append(res.Results, r)
	}
	return res
}

// named are the kinds of page that are something's own page (a role, a
// process, a team, a ladder, a skill): the page itself, when its title has
// every word of the query, is what the reader wants.
var named = map[string]bool{"role": true, "process": true, "team": true, "ladder": true, "skill": true}

// collect adds the hits of term t (the ti-th of n) to the records in
// byRec, creating records only when create is set.
func (idx *Index) collect(byRec map[int]*scored, ti int, t *term, n int, create bool) {
	for _, c := range t.cands {
		i, _ := idx.lookup(c.term)
		for _, p := range idx.postings(i) {
			key := p.Page<<16 | p.Sec
			r := byRec[key]
			if r == nil {
				if !create {
					continue
				}
				r = &scored{page: p.Page, sec: p.Sec, hits: make([]hit, n)}
				byRec[key] = r
			}
			h := hit{cost: c.cost, imp: p.Impact & 127, title: p.Impact&titleFlag != 0 && c.cost != relatedCost, ok: true}
			// Better: a lower cost, then a title, then a higher impact.
			if old := r.hits[ti]; !old.ok || h.cost < old.cost || h.cost == old.cost && (h.title && !old.title || h.title == old.title && h.imp > old.imp) {
				r.hits[ti] = h
			}
		}
	}
}

// rank computes each record's criteria and sorts recs best first.
func (idx *Index) rank(recs []*scored, terms []*term) {
	for _, r := range recs {
		r.words, r.typos, r.score, r.boost, r.prefixes = 0, 0, 0, 0, 0
		titled, counted, commonTitled := 0, 0, true
		for i, h := range r.hits {
			if terms[i].common {
				// Its postings are cut, so records without it may
				// have it: it adds to the score only.
				if h.ok {
					r.score += h.imp
				}
				// Title postings are never cut: a record without
				// a title hit has none.
				commonTitled = commonTitled && h.ok && h.title
				continue
			}
			counted++
			if !h.ok {
				continue
			}
			r.words++
			switch {
			case h.cost == 1:
				r.prefixes++
			case h.cost != relatedCost:
				r.typos += max(0, h.cost-1)
			}
			r.score += h.imp
			if h.title {
				titled++
			}
		}
		if r.words == counted && titled == r.words && commonTitled && len(r.hits) > 0 {
			r.boost = 1
			if r.sec == 0 && named[idx.Pages[r.page].Kind] {
				r.boost = 2
			}
		}
	}
	slices.SortFunc(recs, func(a, b *scored) int { return a.compare(b) })
}

// checkPhrases keeps the credit for a quoted phrase only in records whose
// text has its words in a row; only the best phraseChecks records that
// have all of a phrase's words are checked (the client must fetch their
// text), the others lose the credit too. Records left with no word are
// dropped.
func (idx *Index) checkPhrases(recs []*scored, terms []*term) []*scored {
	phrases := map[int][]int{}
	for i, t := range terms {
		if t.phrase >= 0 {
			phrases[t.phrase] = append(phrases[t.phrase], i)
		}
	}
	if len(phrases) == 0 {
		return recs
	}
	for _, ph := range slices.Sorted(maps.Keys(phrases)) {
		members := phrases[ph]
		if len(members) < 2 {
			continue
		}
		checked := 0
		for _, r := range recs {
			all := true
			for _, m := range members {
				all = all && r.hits[m].ok
			}
			if all && checked < phraseChecks {
				checked++
				p := idx.Pages[r.page]
				text := p.Recs[r.sec].Text
				if r.sec == 0 {
					text = p.Title + " " + text
				} else {
					text = p.Recs[r.sec].Title + " " + text
				}
				keys := make([]string, len(members))
				for i, m := range members {
					keys[i] = terms[m].key
				}
				if hasPhrase(text, keys) {
					continue
				}
			}
			for _, m := range members {
				r.hits[m] = hit{}
			}
		}
	}
	idx.rank(recs, terms)
	kept := recs[:0]
	for _, r := range recs {
		if slices.ContainsFunc(r.hits, func(h hit) bool { return h.ok }) {
			kept = append(kept, r)
		}
	}
	return kept
}

// hasPhrase reports whether the words of text, each followed by its parts,
// contain keys in a row.
func hasPhrase(text string, keys []string) bool {
	var stream []string
	for _, w := range Words(text) {
		stream = append(stream, Stem(w.Whole))
		for _, p := range w.Parts {
			stream = append(stream, Stem(p))
		}
	}
	for i := 0; i+len(keys) <= len(stream); i++ {
		if slices.Equal(stream[i:i+len(keys)], keys) {
			return true
		}
	}
	return false
}
