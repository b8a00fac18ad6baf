package diag

import (
	"fmt"
	"regexp"
	"strconv"
)

// Ruled adds diagnostics found by one rule to a List.
type Ruled struct {
	list *List
	rule string
}

// Rule returns a writer of diagnostics that carry the given rule id:
// diags.Rule("reference").Errorf(pos, ...).
func (l *List) Rule(rule string) Ruled { return Ruled{list: l, rule: rule} }

// Errorf adds an error at pos.
func (r Ruled) Errorf(pos Position, format string, args ...any) {
	r.add(pos, Error, fmt.Sprintf(format, args...))
}

// Warnf adds a warning at pos.
func (r Ruled) Warnf(pos Position, format string, args ...any) {
	r.add(pos, Warning, fmt.Sprintf(format, args...))
}

func (r Ruled) add(pos Position, sev Severity, msg string) {
	*r.list = append(*r.list, Diagnostic{Pos: pos, Severity: sev, Msg: msg, Rule: r.rule, Suggestion: suggestion(msg)})
}

// didYouMean finds the suggestion every rule writes the same way. The
// message is the one place a suggestion is written, so the structured
// field is read from it and can never disagree with what the writer reads.
var didYouMean = regexp.MustCompile(`did you mean ("(?:[^"\\]|\\.)*")\?`)

func suggestion(msg string) string {
	m := didYouMean.FindStringSubmatch(msg)
	if m == nil {
		return ""
	}
	s, err := strconv.Unquote(m[1])
	if err != nil {
		return ""
	}
	return s
}
