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
	"maps"
	"math"
	"slices"
	"strings"
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
	Pages    []PageMeta // sorted by kind, team, URL: each kind and team is a range
	Groups   []Group    // where each (kind, team) range starts
	Terms    []string   // sorted
	DF       []int      // records containing each term
	Postings [][]Posting
}

// PageMeta is what a result shows of a page; Recs[0] is the page itself,
// then its sections.
type PageMeta struct {
	URL, Title, Kind, Team, Crumbs string
	Recs                           []Rec
}

// Rec is one record's stored text, trimmed to textLimit characters: enough
// for excerpts and phrase checks, small enough to ship.
type Rec struct {
	ID, Title, Text string
}

// Group is the first page of a run of pages of one kind and team.
type Group struct {
	Kind, Team string
	First      int
}

// Posting says that a term occurs in section Sec (0: the page record) of
// page Page with the given impact: a BM25F score scaled to 1..127, plus
// titleFlag when the term is in the record's title.
type Posting struct {
	Page, Sec int
	Impact    int
}

const (
	titleFlag   = 128
	textLimit   = 1000 // characters of text stored per record
	maxPostings = 1000 // postings kept per term, the highest impacts
	k1, bParam  = 1.2, 0.75
)

// Field weights: a word in a title counts eight times one in the body.
var weights = [4]float64{8, 3, 2, 1} // title, headings, summary, body

// record is a page or section being indexed.
type record struct {
	page, sec int
	fields    [4][]string // terms of title, headings, summary, body
}

// Build makes the index of pages.
func Build(pages []Page) *Index {
	pages = slices.Clone(pages)
	slices.SortStableFunc(pages, func(a, b Page) int {
		return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Team, b.Team), cmp.Compare(a.URL, b.URL))
	})
	idx := &Index{}
	var recs []record
	for i, p := range pages {
		if len(idx.Groups) == 0 || idx.Groups[len(idx.Groups)-1].Kind != p.Kind || idx.Groups[len(idx.Groups)-1].Team != p.Team {
			idx.Groups = append(idx.Groups, Group{Kind: p.Kind, Team: p.Team, First: i})
		}
		meta := PageMeta{URL: p.URL, Title: p.Title, Kind: p.Kind, Team: p.Team, Crumbs: p.Crumbs}
		var heads []string
		for _, s := range p.Sections {
			heads = append(heads, s.Title)
		}
		meta.Recs = append(meta.Recs, Rec{Text: clip(p.Summary + " " + p.Intro)})
		recs = append(recs, record{page: i, fields: [4][]string{Terms(p.Title), Terms(strings.Join(heads, " ")), Terms(p.Summary), Terms(p.Intro)}})
		for j, s := range p.Sections {
			meta.Recs = append(meta.Recs, Rec{ID: s.ID, Title: s.Title, Text: clip(s.Text)})
			recs = append(recs, record{page: i, sec: j + 1, fields: [4][]string{Terms(s.Title), Terms(strings.Join(s.Path, " ")), nil, Terms(s.Text)}})
		}
		idx.Pages = append(idx.Pages, meta)
	}
	idx.score(recs)
	return idx
}

// score computes every posting's impact with BM25F: per-field term
// frequencies, normalised by the field's length against its average and
// weighted, are summed before saturation.
func (idx *Index) score(recs []record) {
	var avg [4]float64
	for _, r := range recs {
		for f := range r.fields {
			avg[f] += float64(len(r.fields[f]))
		}
	}
	for f := range avg {
		avg[f] = max(avg[f]/float64(max(1, len(recs))), 1)
	}
	type hit struct {
		rec   int
		tf    float64
		title bool
	}
	hits := map[string][]hit{}
	for ri, r := range recs {
		tf := map[string]float64{}
		title := map[string]bool{}
		for f, terms := range r.fields {
			norm := 1 - bParam + bParam*float64(len(terms))/avg[f]
			for _, t := range terms {
				tf[t] += weights[f] / norm
				if f == 0 {
					title[t] = true
				}
			}
		}
		for _, t := range slices.Sorted(maps.Keys(tf)) {
			hits[t] = append(hits[t], hit{ri, tf[t], title[t]})
		}
	}
	idx.Terms = slices.Sorted(maps.Keys(hits))
	n := float64(len(recs))
	scores := make([][]float64, len(idx.Terms))
	top := 0.0
	for i, t := range idx.Terms {
		df := float64(len(hits[t]))
		idf := math.Log(1 + (n-df+0.5)/(df+0.5))
		for _, h := range hits[t] {
			s := idf * h.tf * (k1 + 1) / (h.tf + k1)
			scores[i] = append(scores[i], s)
			top = max(top, s)
		}
	}
	idx.DF = make([]int, len(idx.Terms))
	idx.Postings = make([][]Posting, len(idx.Terms))
	for i, t := range idx.Terms {
		idx.DF[i] = len(hits[t])
		ps := make([]Posting, len(hits[t]))
		for j, h := range hits[t] {
			imp := 1 + int(scores[i][j]/top*126)
			if h.title {
				imp |= titleFlag
			}
			ps[j] = Posting{Page: recs[h.rec].page, Sec: recs[h.rec].sec, Impact: imp}
		}
		if len(ps) > maxPostings {
			// A term in more records than this is nearly a stop word; its
			// best records keep it, the rest are found by other words.
			slices.SortStableFunc(ps, func(a, b Posting) int { return cmp.Compare(b.Impact&127, a.Impact&127) })
			ps = ps[:maxPostings]
			slices.SortFunc(ps, func(a, b Posting) int { return cmp.Or(cmp.Compare(a.Page, b.Page), cmp.Compare(a.Sec, b.Sec)) })
		}
		idx.Postings[i] = ps
	}
}

// clip normalises white space and keeps the first textLimit characters.
func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > textLimit {
		s = string(r[:textLimit])
	}
	return s
}
