package diag

import "testing"

func TestPositionString(t *testing.T) {
	tests := []struct {
		pos  Position
		want string
	}{
		{Position{File: "content/a.md"}, "content/a.md"},
		{Position{File: "content/a.md", Line: 4}, "content/a.md:4"},
		{Position{File: "content/a.md", Line: 4, Col: 13}, "content/a.md:4:13"},
	}
	for _, tt := range tests {
		if got := tt.pos.String(); got != tt.want {
			t.Errorf("%#v.String() = %q; want %q", tt.pos, got, tt.want)
		}
	}
}

func TestListSortOrdersByPositionAndDropsRepeats(t *testing.T) {
	var l List
	l.Warnf(Position{File: "b.md", Line: 1, Col: 1}, "w")
	l.Errorf(Position{File: "a.md", Line: 10, Col: 2}, "late")
	l.Errorf(Position{File: "a.md", Line: 2, Col: 9}, "early")
	l.Errorf(Position{File: "a.md", Line: 2, Col: 9}, "early")
	l.Sort()
	got := l.String()
	want := "a.md:2:9: error: early\na.md:10:2: error: late\nb.md:1:1: warning: w\n"
	if got != want {
		t.Errorf("sorted list:\n%s\nwant:\n%s", got, want)
	}
	if n := l.Count(Error); n != 2 {
		t.Errorf("Count(Error) = %d; want 2", n)
	}
	if n := l.Strict().Count(Error); n != 3 {
		t.Errorf("Strict().Count(Error) = %d; want 3", n)
	}
}

func TestLinesAt(t *testing.T) {
	l := NewLines([]byte("ab\nçé x\n\nend"))
	tests := []struct{ off, line, col int }{
		{0, 1, 1}, {2, 1, 3}, {3, 2, 1},
		{8, 2, 4}, {9, 2, 5}, // "çé x" is 6 bytes, 4 runes
		{10, 3, 1}, {11, 4, 1}, {14, 4, 4},
		{-5, 1, 1}, {99, 4, 4}, // clamped
	}
	for _, tt := range tests {
		if line, col := l.At(tt.off); line != tt.line || col != tt.col {
			t.Errorf("At(%d) = %d:%d; want %d:%d", tt.off, line, col, tt.line, tt.col)
		}
	}
}

func TestRuleAndSuggestion(t *testing.T) {
	var l List
	l.Rule("reference").Errorf(Position{File: "a.md", Line: 3, Col: 13}, "reports_to %q is not a role; did you mean %q?", "leed", "lead")
	l.Rule("span").Warnf(Position{File: "a.md"}, "direct_reports is 3")
	l.Errorf(Position{File: "b.md"}, `link "x": did you mean "say \"hi\""?`)
	want := []Diagnostic{
		{Pos: Position{File: "a.md", Line: 3, Col: 13}, Severity: Error, Msg: `reports_to "leed" is not a role; did you mean "lead"?`, Rule: "reference", Suggestion: "lead"},
		{Pos: Position{File: "a.md"}, Severity: Warning, Msg: "direct_reports is 3", Rule: "span"},
		{Pos: Position{File: "b.md"}, Severity: Error, Msg: `link "x": did you mean "say \"hi\""?`, Suggestion: `say "hi"`},
	}
	if len(l) != len(want) {
		t.Fatalf("got %d diagnostics; want %d", len(l), len(want))
	}
	for i := range want {
		if l[i] != want[i] {
			t.Errorf("diagnostic %d = %#v; want %#v", i, l[i], want[i])
		}
	}
}

func TestSinceKeepsOnlyWhatAChangeAdds(t *testing.T) {
	var base, now List
	base.Rule("link").Errorf(Position{File: "a.md", Line: 3, Col: 1}, "broken x")
	base.Rule("link").Errorf(Position{File: "a.md", Line: 9, Col: 1}, "broken y")
	now.Rule("link").Errorf(Position{File: "a.md", Line: 5, Col: 1}, "broken x") // moved down: old
	now.Rule("link").Errorf(Position{File: "a.md", Line: 6, Col: 1}, "broken x") // a second copy: new
	now.Rule("reference").Errorf(Position{File: "b.md", Line: 2, Col: 1}, "bad") // new
	got := now.Since(base).String()
	want := "a.md:6:1: error: broken x\nb.md:2:1: error: bad\n"
	if got != want {
		t.Errorf("Since:\n%s\nwant:\n%s", got, want)
	}
}
