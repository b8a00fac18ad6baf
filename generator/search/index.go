// Package search builds the handbook's static search index and searches it.
//
// The index is built at build time from what the generator already knows of
// each page (title, summary, sections with their heading ids, kind, team)
// rather than from rendered HTML. It has one record per page and one per
// section (level-2 and level-3 headings), scored with BM25F over four fields
// (title > headings > summary > body); the scores are computed here and
// stored, quantised to a byte, so that the client only adds integers.
//
// Shard splits the index into small script files that the client in
// assets/search.js loads only as a query needs them: a manifest, a
// dictionary split by term range, postings split by term range, and packs
// of page texts for the results shown. Search is the reference searcher: it
// ranks exactly as the client does, and a browser test holds them to it.
package search

import (
	"cmp"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
)

// Page is what the index is built from: one published page.
type Page struct {
	URL      string // "/roles/cto/"
	Title    string
	Kind     string // role, process, team, ladder, page
	Team     string // the team a page belongs to, for filtering; may be ""
	Crumbs   string // "Handbook › Roles", shown with results
	Summary  string
	Intro    string // the text before the first section
	Sections []Section
	// Text, when not nil, supplies Intro and Sections instead. Build
	// calls it once, while cutting the page into terms, and keeps only
	// the leads results show, so that the texts of a large handbook are
	// never all in memory at once: some 600 MB at 100,000 pages.
	Text func() (intro string, sections []Section, err error)
}

// Section is a part of a page under a level-2 or level-3 heading.
type Section struct {
	ID    string   // the heading's id, for "#id" links
	Title string   // the heading's text
	Path  []string // the headings above it, page title first
	Text  string
}

// Index is the whole index in memory: what Shard writes and Search reads.
type Index struct {
	Pages  []PageMeta // sorted by kind, team, URL: each kind and team is a range
	Groups []Group    // where each (kind, team) range starts
	Terms  []string   // sorted
	DF     []int      // records containing each term
	// Postings are each term's postings as Load reads them. Build keeps
	// them encoded instead (encoded, encode.go), as the shards hold them:
	// about 2.5 bytes a posting, not 24, which at 100,000 pages is 70 MB
	// instead of 670.
	Postings [][]Posting
	encoded  []string
}

// PageMeta is what a result shows of a page; Recs[0] is the page itself,
// then its sections.
type PageMeta struct {
	URL, Title, Kind, Team, Crumbs string
	Recs                           []Rec
}

// Rec is one record's stored text: its lead, cut at a word to leadLimit
// characters for a page (its summary and intro) and sectionLimit for a
// section. It is what results show as excerpts and what quoted phrases are
// checked against. The text is most of what a result costs to fetch and
// of the whole index, so only the lead is kept: a page's summary says what
// it is about, and a section's first words what it is for.
type Rec struct {
	ID, Title, Text string
}

// Group is the first page of a run of pages of one kind and team.
type Group struct {
	Kind, Team string
	First      int
}

// Posting says that a term occurs in section Sec (0: the page record) of
// page Page with the given impact: a BM25F score scaled to 1..impactLevels, plus
// titleFlag when the term is in the record's title.
type Posting struct {
	Page, Sec int
	Impact    int
}

const (
	titleFlag    = 128
	leadLimit    = 160 // characters of text stored for a page's own record
	sectionLimit = 48  // and for each of its sections
	maxPostings  = 500 // postings kept per term, the highest impacts (and every title's)
	k1, bParam   = 1.2, 0.75
)

// Field weights: a word in a title counts eight times one in the body.
var weights = [4]float64{8, 3, 2, 1} // title, headings, summary, body

// record is a page or section being indexed: its distinct terms with
// their counts per field, and its fields' lengths in terms.
type record struct {
	page, sec int
	worker    int // the counter that numbered its terms
	terms     termCounts
	lens      [4]int
}

// termCount is how often a term occurs in each field of a record; the term
// is the counter's number for it. There is one for every distinct term of
// every record, all alive at once (packed: termcounts.go), so counts stop
// at 65,535: long past where BM25 saturates.
type termCount struct {
	id int32
	n  [4]uint16
}

// Build makes the index of pages. Pages are cut into terms in parallel, one
// page per task; everything that depends on order (term ids, postings,
// scores) is then done in page order or term order, so the index is the
// same whatever the scheduling. The error is the first of the pages' Text.
func Build(pages []Page) (*Index, error) {
	pages = slices.Clone(pages)
	slices.SortStableFunc(pages, func(a, b Page) int {
		return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Team, b.Team), cmp.Compare(a.URL, b.URL))
	})
	idx := &Index{Pages: make([]PageMeta, len(pages))}
	perPage := make([][]record, len(pages))
	errs := make([]error, len(pages))
	counters := each(len(pages), func(c *counter, i int) {
		p := pages[i]
		if p.Text != nil {
			if p.Intro, p.Sections, errs[i] = p.Text(); errs[i] != nil {
				return
			}
		}
		idx.Pages[i], perPage[i] = c.page(i, &p)
	})
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	for i, p := range pages {
		if len(idx.Groups) == 0 || idx.Groups[len(idx.Groups)-1].Kind != p.Kind || idx.Groups[len(idx.Groups)-1].Team != p.Team {
			idx.Groups = append(idx.Groups, Group{Kind: p.Kind, Team: p.Team, First: i})
		}
	}
	idx.score(slices.Concat(perPage...), counters)
	return idx, nil
}

// each runs f(c, i) for i in [0, n) on one goroutine per CPU, each with its
// own counter, and returns the counters.
func each(n int, f func(c *counter, i int)) []*counter {
	workers := min(runtime.GOMAXPROCS(0), max(1, n/64))
	cs := make([]*counter, workers)
	for w := range cs {
		cs[w] = &counter{worker: w, ids: map[string]int32{}}
	}
	var next atomic.Int64
	parallel(workers, workers, func(w int) {
		for {
			i := int(next.Add(1)) - 1
			if i >= n {
				return
			}
			f(cs[w], i)
		}
	})
	return cs
}

// parallel runs f(i) for i in [0, n) on up to workers goroutines.
func parallel(n, workers int, f func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(n, workers) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				f(i)
			}
		}()
	}
	wg.Wait()
}

// counter cuts records into terms, reusing its buffers between records. It
// numbers the terms it meets, once for all its records, so that neither a
// record nor the scoring after needs a map of terms: per term it keeps the
// serial number of the last record that had it (stamp) and where in that
// record's terms it is (at).
type counter struct {
	worker int
	ids    map[string]int32
	terms  []string // by number
	stamp  []int32
	at     []int32
	serial int32
	words  []string
	buf    []termCount
}

// page makes what the index keeps of page i and its records.
func (c *counter) page(i int, p *Page) (PageMeta, []record) {
	meta := PageMeta{URL: p.URL, Title: p.Title, Kind: p.Kind, Team: p.Team, Crumbs: p.Crumbs, Recs: make([]Rec, 0, 1+len(p.Sections))}
	recs := make([]record, 0, 1+len(p.Sections))
	heads := make([]string, len(p.Sections))
	for j, s := range p.Sections {
		heads[j] = s.Title
	}
	meta.Recs = append(meta.Recs, Rec{Text: clip(p.Summary+" "+p.Intro, leadLimit)})
	recs = append(recs, c.record(i, 0, p.Title, strings.Join(heads, " "), p.Summary, p.Intro))
	for j, s := range p.Sections {
		// Copies: a section's id and title may share one allocation
		// with the page's whole text (Page.Text), which they would keep.
		meta.Recs = append(meta.Recs, Rec{ID: strings.Clone(s.ID), Title: strings.Clone(s.Title), Text: clip(s.Text, sectionLimit)})
		recs = append(recs, c.record(i, j+1, s.Title, strings.Join(s.Path, " "), "", s.Text))
	}
	return meta, recs
}

// record counts the terms of one record's four fields.
func (c *counter) record(page, sec int, fields ...string) record {
	r := record{page: page, sec: sec, worker: c.worker}
	c.serial++
	c.buf = c.buf[:0]
	for f, text := range fields {
		c.words = appendTerms(c.words[:0], text)
		r.lens[f] = len(c.words)
		for _, t := range c.words {
			id, ok := c.ids[t]
			if !ok {
				id = int32(len(c.terms))
				t = strings.Clone(t) // not the page's whole text
				c.ids[t] = id
				c.terms = append(c.terms, t)
				c.stamp = append(c.stamp, 0)
				c.at = append(c.at, 0)
			}
			if c.stamp[id] != c.serial {
				c.stamp[id] = c.serial
				c.at[id] = int32(len(c.buf))
				c.buf = append(c.buf, termCount{id: id})
			}
			if n := &c.buf[c.at[id]].n[f]; *n < math.MaxUint16 {
				*n++
			}
		}
	}
	r.terms = packTermCounts(c.buf)
	return r
}

// score computes every posting's impact with BM25F (see record.scores).
// The counters' term numbers are mapped to the sorted dictionary's, and
// each term's hits are laid out in one array, term after term, in record
// order.
func (idx *Index) score(recs []record, cs []*counter) {
	var avg [4]float64
	for _, r := range recs {
		for f := range r.lens {
			avg[f] += float64(r.lens[f])
		}
	}
	for f := range avg {
		avg[f] = max(avg[f]/float64(max(1, len(recs))), 1)
	}
	var terms []string
	for _, c := range cs {
		terms = append(terms, c.terms...)
	}
	slices.Sort(terms)
	terms = slices.Compact(terms)
	remap := make([][]int32, len(cs))
	for w, c := range cs {
		remap[w] = make([]int32, len(c.terms))
		for i, t := range c.terms {
			j, _ := slices.BinarySearch(terms, t)
			remap[w][i] = int32(j)
		}
	}
	// The records are scored in chunks, one per CPU; each chunk lays its
	// hits out after the earlier chunks' hits of the same term, so the
	// order is the one a single pass would give. Scoring was a second of
	// one CPU at 10,000 pages, the build's longest serial step.
	chunks := min(runtime.GOMAXPROCS(0), max(1, len(recs)/256))
	chunk := func(c int) []record { return recs[c*len(recs)/chunks : (c+1)*len(recs)/chunks] }
	first := func(c int) int { return c * len(recs) / chunks }
	fill := make([][]int32, chunks) // a chunk's hits per term, then where its next goes
	parallel(chunks, chunks, func(c int) {
		fill[c] = make([]int32, len(terms))
		for _, r := range chunk(c) {
			for tc := range r.terms.all() {
				fill[c][remap[r.worker][tc.id]]++
			}
		}
	})
	start := make([]int32, len(terms)+1)
	for t := range terms {
		at := start[t]
		for c := range fill {
			at, fill[c][t] = at+fill[c][t], at
		}
		start[t+1] = at
	}
	n := float64(len(recs))
	idf := make([]float64, len(terms))
	for t := range terms {
		df := float64(start[t+1] - start[t])
		idf[t] = math.Log(1 + (n-df+0.5)/(df+0.5))
	}
	// Impacts are scores scaled by the highest, so the highest is found
	// first, in a pass that keeps nothing; the second pass then lays out
	// every hit, term after term, as its record (with titleHit when the
	// term is in its title) and its impact: 5 bytes a hit. At 100,000
	// pages there are 40 million. Each record's term counts are let go as
	// soon as its hits are laid out.
	tops := make([]float64, chunks)
	parallel(chunks, chunks, func(c int) {
		top, recs := 0.0, chunk(c)
		for i := range recs {
			r := &recs[i]
			r.scores(&avg, idf, remap[r.worker], func(_ int32, _ bool, s float64) { top = max(top, s) })
		}
		tops[c] = top
	})
	top := slices.Max(tops)
	const titleHit = 1 << 31 // records are fewer: start, an int32, counts more hits than records
	hitRec := make([]uint32, start[len(terms)])
	hitImp := make([]uint8, start[len(terms)])
	parallel(chunks, chunks, func(c int) {
		recs, at, fill := chunk(c), first(c), fill[c]
		for i := range recs {
			r := &recs[i]
			r.scores(&avg, idf, remap[r.worker], func(g int32, inTitle bool, s float64) {
				hitRec[fill[g]], hitImp[fill[g]] = uint32(at+i), uint8(1+int(s/top*(impactLevels-1)))
				if inTitle {
					hitRec[fill[g]] |= titleHit
				}
				fill[g]++
			})
			r.terms = nil
		}
	})
	idx.Terms = terms
	idx.DF = make([]int, len(terms))
	idx.encoded = make([]string, len(terms))
	// A term's postings live only until they are encoded: each worker
	// reuses one slice (making one per term was 100 MB at 10,000 pages).
	var bufs sync.Pool
	parallel(len(terms), runtime.GOMAXPROCS(0), func(t int) {
		hs, imps := hitRec[start[t]:start[t+1]], hitImp[start[t]:start[t+1]]
		idx.DF[t] = len(hs)
		buf, _ := bufs.Get().(*[]Posting)
		if buf == nil {
			buf = new([]Posting)
		}
		defer bufs.Put(buf)
		ps := slices.Grow((*buf)[:0], len(hs))[:len(hs)]
		*buf = ps
		for j, h := range hs {
			imp := int(imps[j])
			if h&titleHit != 0 {
				imp |= titleFlag
			}
			rec := &recs[h&^titleHit]
			ps[j] = Posting{Page: rec.page, Sec: rec.sec, Impact: imp}
		}
		if len(ps) > maxPostings {
			ps = cut(ps)
		}
		idx.encoded[t] = encodePostings(ps)
	})
}

// cut keeps maxPostings of a term's postings, in their order: every one
// whose record has the term in its title, then the highest impacts, the
// first of equal ones. A term in more records than this is nearly a stop
// word; its best records keep it, the rest are found by other words.
// Records with it in their title all keep it, so that a title that has
// every word of a query is known ("Guide page 45" when thousands of titles
// say "guide"); titles are short, so such postings compress to little.
//
// Impacts are 1..impactLevels, so the lowest impact kept (and how many of
// that impact) is found by counting, without sorting.
func cut(ps []Posting) []Posting {
	var count [impactLevels + 1]int
	room := maxPostings
	for _, p := range ps {
		if p.Impact&titleFlag != 0 {
			room--
		} else {
			count[p.Impact]++
		}
	}
	floor, atFloor := impactLevels+1, 0 // keep impacts above floor, and atFloor of floor
	for level := impactLevels; level >= 1 && room > 0; level-- {
		floor, atFloor = level, min(count[level], room)
		room -= atFloor
	}
	kept := ps[:0]
	for _, p := range ps {
		switch {
		case p.Impact&titleFlag != 0, p.Impact > floor:
		case p.Impact == floor && atFloor > 0:
			atFloor--
		default:
			continue
		}
		kept = append(kept, p)
	}
	return kept
}

// scores calls f with each of the record's terms, in order, as its number
// in the sorted dictionary (m maps the counter's numbers to those), whether
// it is in the title, and its BM25F score: per-field term frequencies,
// normalised by the field's length against its average and weighted,
// summed before saturation.
func (r *record) scores(avg *[4]float64, idf []float64, m []int32, f func(term int32, inTitle bool, s float64)) {
	var norm [4]float64
	for f := range norm {
		norm[f] = 1 - bParam + bParam*float64(r.lens[f])/avg[f]
	}
	for tc := range r.terms.all() {
		tf := 0.0
		for f, n := range tc.n {
			tf += float64(n) * weights[f] / norm[f]
		}
		g := m[tc.id]
		f(g, tc.n[0] > 0, idf[g]*tf*(k1+1)/(tf+k1))
	}
}

// postings returns the postings of term i.
func (idx *Index) postings(i int) []Posting {
	if idx.Postings != nil {
		return idx.Postings[i]
	}
	ps, err := decodePostings(idx.encoded[i])
	if err != nil {
		panic(fmt.Sprintf("search: the index's own postings of %q do not decode: %v", idx.Terms[i], err)) // encodePostings wrote them
	}
	return ps
}

// encodedPostings returns the postings of term i as the shards hold them.
func (idx *Index) encodedPostings(i int) string {
	if idx.encoded != nil {
		return idx.encoded[i]
	}
	return encodePostings(idx.Postings[i])
}

// clip normalises white space (as strings.Fields and a join with single
// spaces would) and keeps at most limit characters, ending after a whole
// word when the text is longer (a single word longer than limit is cut),
// in one pass that stops at the limit.
func clip(s string, limit int) string {
	var b strings.Builder
	// The result is kept: room for limit bytes, a clipped ASCII text,
	// not the 4*limit a text of 4-byte characters could take (at 100,000
	// pages that was 170 MB of room never used).
	b.Grow(min(len(s), limit))
	n, space, lastSpace := 0, false, -1
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			if n+1 >= limit {
				return b.String() // no room for a space and a letter
			}
			lastSpace = b.Len()
			b.WriteByte(' ')
			space = false
			n++
		}
		if n == limit { // the word being copied does not fit
			if lastSpace >= 0 {
				return b.String()[:lastSpace]
			}
			break
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}
