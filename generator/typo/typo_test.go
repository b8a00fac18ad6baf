package typo

import "testing"

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"senior-serverles-developer", "senior-serverless-developer", 1},
		{"tema-lead", "team-lead", 1}, // a swap is one typo
		{"titel", "title", 1},
		{"cto", "cto", 0},
		{"", "abc", 3},
		{"kitten", "sitting", 3},
		{"crème", "creme", 1}, // runes, not bytes
	}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d; want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestClosest(t *testing.T) {
	keys := []string{"title", "id", "reports_to", "positions", "owner"}
	tests := []struct {
		word  string
		limit int
		want  string
	}{
		{"titel", 2, "title"},
		{"reports_too", 2, "reports_to"},
		{"x", 2, ""}, // one letter is not a typo of "id"
		{"banana", 2, ""},
		{"ownr", 1, "owner"},
	}
	for _, tt := range tests {
		got, ok := Closest(tt.word, keys, tt.limit)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("Closest(%q, %d) = %q, %v; want %q", tt.word, tt.limit, got, ok, tt.want)
		}
	}
}
