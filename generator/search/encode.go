package search

import (
	"fmt"
	"strings"
)

// Postings and section ids are stored compactly in the shards: postings as
// strings of base64url characters rather than JSON numbers (a fifth fewer
// bytes after gzip, and a string is quicker for the client to walk than an
// array is to parse), section ids left out when they are their heading's
// slug.

// alphabet codes 6 bits a character. A number is written 5 bits at a time,
// low bits first: characters 32-63 carry 5 bits and say more follow, 0-31
// the last 5 bits.
const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// impactLevels is how many impacts a posting can have: one character's
// worth. Fewer would save little and tie titles that differ by a word
// ("Serverless Developer", "Senior Serverless Developer").
const impactLevels = 63

var digit = func() (d [128]int8) {
	for i := range d {
		d[i] = -1
	}
	for i := range len(alphabet) {
		d[alphabet[i]] = int8(i)
	}
	return d
}()

func appendNumber(b []byte, v int) []byte {
	for v >= 32 {
		b = append(b, alphabet[32+v&31])
		v >>= 5
	}
	return append(b, alphabet[v])
}

// encodePostings writes each posting as a number: the page's distance from
// the previous posting's times 16, plus 8 when the term is in the record's
// title, plus the section (up to 7; beyond, 7 and then the rest as a number
// of its own); then one character for the impact.
func encodePostings(ps []Posting) string {
	b := make([]byte, 0, 3*len(ps))
	prev := 0
	for _, p := range ps {
		title := 0
		if p.Impact&titleFlag != 0 {
			title = 8
		}
		b = appendNumber(b, (p.Page-prev)<<4|title|min(p.Sec, 7))
		if p.Sec >= 7 {
			b = appendNumber(b, p.Sec-7)
		}
		b = append(b, alphabet[p.Impact&127])
		prev = p.Page
	}
	return string(b)
}

// decodePostings reads what encodePostings wrote.
func decodePostings(s string) ([]Posting, error) {
	var out []Posting
	page := 0
	number := func(i *int) (int, error) {
		v, shift := 0, 0
		for ; *i < len(s); *i++ {
			c := s[*i]
			if c >= 128 || digit[c] < 0 {
				return 0, fmt.Errorf("search index: bad character %q in postings", c)
			}
			d := int(digit[c])
			if d < 32 {
				*i++
				return v | d<<shift, nil
			}
			v |= (d - 32) << shift
			shift += 5
		}
		return 0, fmt.Errorf("search index: postings cut short")
	}
	for i := 0; i < len(s); {
		v, err := number(&i)
		if err != nil {
			return nil, err
		}
		page += v >> 4
		sec := v & 7
		if sec == 7 {
			n, err := number(&i)
			if err != nil {
				return nil, err
			}
			sec += n
		}
		if i >= len(s) || s[i] >= 128 || digit[s[i]] < 0 {
			return nil, fmt.Errorf("search index: postings cut short")
		}
		d := int(digit[s[i]])
		i++
		out = append(out, Posting{Page: page, Sec: sec, Impact: d | titleFlag*(v>>3&1)})
	}
	return out, nil
}

// slug is the id the generator gives a heading with an ASCII title (see
// generator/markdown): lowercased, spaces and hyphens as hyphens, other
// characters but letters, digits and '_' dropped. Only ASCII titles are
// left to the client to slug, so that both agree on lowercasing.
func slug(title string) (string, bool) {
	var b strings.Builder
	for i := range len(title) {
		c := title[i]
		switch {
		case c >= 128:
			return "", false
		case c == ' ' || c == '-':
			b.WriteByte('-')
		case c >= 'A' && c <= 'Z':
			b.WriteByte(c + 'a' - 'A')
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '_':
			b.WriteByte(c)
		}
	}
	return b.String(), true
}
