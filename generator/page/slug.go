package page

import (
	"strings"
	"unicode"
)

// Slug makes an id of a title, as a file name gives a page its id: "Team
// Lead (Platform)" is "team-lead-platform". Suggestions compare references
// with titles this way, and "handbook new" names the files it writes so.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}
