package orgdiff

import "strings"

// text escapes s for Markdown so that a title is shown as written: a title
// such as "[x](https://example.com)" or one with backticks or asterisks
// must not become a link, code or emphasis in a pull-request comment.
func text(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>|~&!#", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// texts escapes every name in names.
func texts(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = text(n)
	}
	return out
}

// code writes s as a Markdown code span whose fence is longer than any run
// of backticks in s, so that a path or URL with backticks stays one span.
func code(s string) string {
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}
