// Package diag holds the problems a build finds in a handbook's content.
//
// It follows go/scanner's ErrorList: every stage appends to a List instead of
// stopping at the first problem, and the List is sorted by position before it
// is shown, so that a writer fixes a file from top to bottom in one pass.
package diag

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Severity says whether a Diagnostic fails the build.
type Severity int

const (
	// Error fails the build.
	Error Severity = iota
	// Warning is shown but does not fail the build unless the build is strict.
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Position is a place in a source file. Line and Col are 1-based; Col counts
// characters (runes), as editors do. A zero Line means the whole file, a zero
// Col the whole line.
type Position struct {
	File string // slash-separated, relative to the site root
	Line int
	Col  int
}

// String formats p as "file:line:col", leaving out the parts that are zero.
func (p Position) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Compare orders positions by file, then line, then column.
func (p Position) Compare(q Position) int {
	if c := strings.Compare(p.File, q.File); c != 0 {
		return c
	}
	if c := cmp.Compare(p.Line, q.Line); c != 0 {
		return c
	}
	return cmp.Compare(p.Col, q.Col)
}

// Diagnostic is one problem at one position.
type Diagnostic struct {
	Pos      Position
	Severity Severity
	Msg      string
	// Rule names the check that found the problem ("reference", "link",
	// ...), short and stable for scripts; README lists them.
	Rule string
	// Suggestion is the value the writer most likely meant, when the
	// message offers one ("did you mean ...?").
	Suggestion string
}

// String formats d as "path:line:col: severity: message".
func (d Diagnostic) String() string {
	return fmt.Sprintf("%s: %s: %s", d.Pos, d.Severity, d.Msg)
}

// List collects diagnostics. The zero value is ready to use.
type List []Diagnostic

// Errorf adds an error at pos, without a rule; Rule(...).Errorf names one.
func (l *List) Errorf(pos Position, format string, args ...any) {
	l.Rule("").Errorf(pos, format, args...)
}

// Warnf adds a warning at pos, without a rule; Rule(...).Warnf names one.
func (l *List) Warnf(pos Position, format string, args ...any) {
	l.Rule("").Warnf(pos, format, args...)
}

// Sort orders l by position, then severity, then message, and drops exact
// repeats, so that each problem is reported once.
func (l *List) Sort() {
	slices.SortStableFunc(*l, func(a, b Diagnostic) int {
		if c := a.Pos.Compare(b.Pos); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Severity, b.Severity); c != 0 {
			return c
		}
		return strings.Compare(a.Msg, b.Msg)
	})
	*l = slices.Compact(*l)
}

// Count returns the number of diagnostics of severity s.
func (l List) Count(s Severity) int {
	n := 0
	for _, d := range l {
		if d.Severity == s {
			n++
		}
	}
	return n
}

// Strict returns a copy of l in which warnings are errors.
func (l List) Strict() List {
	out := slices.Clone(l)
	for i := range out {
		out[i].Severity = Error
	}
	return out
}

// Print writes l to w, one diagnostic per line.
func (l List) Print(w io.Writer) error {
	for _, d := range l {
		if _, err := fmt.Fprintln(w, d); err != nil {
			return err
		}
	}
	return nil
}

// String returns l as Print writes it.
func (l List) String() string {
	var b strings.Builder
	l.Print(&b)
	return b.String()
}
