package generator

import (
	"encoding/binary"
	"errors"
	"strings"

	"github.com/teamhandbook/handbook/generator/markdown"
)

// A stashed body's text is one record: the number of sections, then each
// section's level and the lengths of its id, title and text, and the
// length of the intro, as unsigned varints; then the intro and each
// section's id, title and text, back to back. The sections' ids and
// titles wait in the stash with their text: only the search index reads
// them, after every page is written, and at 100,000 pages they were some
// 140 MB alive through the whole build (heap profile).

// appendBodyText appends the record of intro and sections to b.
func appendBodyText(b []byte, intro string, sections []markdown.Section) []byte {
	b = binary.AppendUvarint(b, uint64(len(sections)))
	for _, s := range sections {
		b = binary.AppendUvarint(b, uint64(s.Level))
		b = binary.AppendUvarint(b, uint64(len(s.ID)))
		b = binary.AppendUvarint(b, uint64(len(s.Title)))
		b = binary.AppendUvarint(b, uint64(len(s.Text)))
	}
	b = binary.AppendUvarint(b, uint64(len(intro)))
	b = append(b, intro...)
	for _, s := range sections {
		b = append(append(append(b, s.ID...), s.Title...), s.Text...)
	}
	return b
}

var errBodyText = errors.New("internal error: a stashed body's text does not decode")

// parseBodyText returns the intro and sections of a record that
// appendBodyText wrote. Their strings share rec's memory.
func parseBodyText(rec string) (string, []markdown.Section, error) {
	r := strings.NewReader(rec)
	bad := false
	next := func() int {
		n, err := binary.ReadUvarint(r)
		if err != nil || n > uint64(len(rec)) {
			bad = true
			return 0
		}
		return int(n)
	}
	n := next()
	if bad {
		return "", nil, errBodyText
	}
	var secs []markdown.Section // nil when none, as markdown.Doc.Sections says
	if n > 0 {
		secs = make([]markdown.Section, n)
	}
	lens := make([][3]int, n)
	for i := range secs {
		secs[i].Level = next()
		lens[i] = [3]int{next(), next(), next()}
	}
	introLen := next()
	at := len(rec) - r.Len()
	take := func(n int) string {
		if at+n > len(rec) {
			bad = true
			return ""
		}
		at += n
		return rec[at-n : at]
	}
	intro := take(introLen)
	for i := range secs {
		secs[i].ID = take(lens[i][0])
		secs[i].Title = take(lens[i][1])
		secs[i].Text = take(lens[i][2])
	}
	if bad || at != len(rec) {
		return "", nil, errBodyText
	}
	return intro, secs, nil
}
