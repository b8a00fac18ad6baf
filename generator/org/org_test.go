package org

import (
	"fmt"
	"strings"
	"testing"

	"github.com/teamhandbook/handbook/generator/page"
)

func TestSlugify(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Team Lead - Serverless Architecture", "team-lead-serverless-architecture"},
		{"VP of Cloud Engineering", "vp-of-cloud-engineering"},
		{"  Ünïcode  Role ", "ünïcode-role"},
	}
	for _, tt := range tests {
		if got := page.Slug(tt.in); got != tt.want {
			t.Errorf("page.Slug(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestCycles(t *testing.T) {
	tests := []struct {
		edges map[string][]string
		want  string
	}{
		{map[string][]string{"a": {"b"}, "b": {"c"}, "c": nil}, "[]"},
		{map[string][]string{"a": {"b"}, "b": {"c"}, "c": {"a"}}, "[[a b c]]"},
		{map[string][]string{"a": {"a"}, "b": nil}, "[[a]]"},
		{map[string][]string{"a": {"b", "x"}, "b": {"a"}, "x": {"y"}, "y": {"x"}}, "[[a b] [x y]]"},
	}
	for _, tt := range tests {
		nodes := []string{"a", "b", "c", "x", "y"}
		got := fmt.Sprint(cycles(nodes, func(n string) []string { return tt.edges[n] }))
		if got != tt.want {
			t.Errorf("cycles(%v) = %s; want %s", tt.edges, got, tt.want)
		}
	}
}

func TestShortestWithWords(t *testing.T) {
	ids := []string{"team-lead-serverless-architecture", "senior-serverless-developer", "serverless-developer", "devops-engineer-serverless-operations"}
	tests := []struct{ slug, want string }{
		{"team-lead", "team-lead-serverless-architecture"},
		{"senior-developer", "senior-serverless-developer"},
		{"developer", "serverless-developer"}, // the shortest of two
		{"devops-engineer", "devops-engineer-serverless-operations"},
		{"lead-team", ""}, // words out of order
		{"cto", ""},
	}
	for _, tt := range tests {
		if got := shortestWithWords(tt.slug, ids); got != tt.want {
			t.Errorf("shortestWithWords(%q) = %q; want %q", tt.slug, got, tt.want)
		}
	}
}

func TestChecklistGroupOrder(t *testing.T) {
	var items []Item
	for _, when := range []string{"", "month 1", "after launch", "week 2", "Week 1", "day 3", "month 3", "week 1"} {
		items = append(items, Item{OnboardingItem: &page.OnboardingItem{When: page.Text{Value: when}}})
	}
	var got []string
	for _, g := range group(items) {
		got = append(got, fmt.Sprintf("%s(%d)", g.When, len(g.Items)))
	}
	// Times in time order, then words as they come, then no time; "Week 1"
	// and "week 1" are one group.
	want := "[day 3(1) Week 1(2) week 2(1) month 1(1) month 3(1) after launch(1) (1)]"
	if fmt.Sprint(got) != want {
		t.Errorf("groups = %v; want %s", got, want)
	}
}

func TestDays(t *testing.T) {
	tests := []struct {
		when string
		want int
		ok   bool
	}{
		{"day 3", 3, true},
		{"Week 2", 14, true},
		{"months 2", 60, true},
		{"year 10000", 3650000, true},
		{"year 10001", 0, false},
		{"month 9223372036854775807", 0, false}, // n*30 would overflow and sort first
		{"week -1", 0, false},
		{"week one", 0, false},
		{"after launch", 0, false},
	}
	for _, tt := range tests {
		got, ok := days(tt.when)
		if got != tt.want || ok != tt.ok {
			t.Errorf("days(%q) = %d, %v; want %d, %v", tt.when, got, ok, tt.want, tt.ok)
		}
	}
}

func TestChecklistHugeNumberIsWords(t *testing.T) {
	var items []Item
	for _, when := range []string{"week 1", "month 9223372036854775807", "day 1"} {
		items = append(items, Item{OnboardingItem: &page.OnboardingItem{When: page.Text{Value: when}}})
	}
	var got []string
	for _, g := range group(items) {
		got = append(got, g.When)
	}
	want := "[day 1 week 1 month 9223372036854775807]"
	if fmt.Sprint(got) != want {
		t.Errorf("groups = %v; want %s", got, want)
	}
}

func TestCompareFoldMatchesToLower(t *testing.T) {
	words := []string{"", "a", "A", "ab", "Ab", "aB", "b", "B", "Zeta", "zeta", "Émile", "émile", "Ærø", "straße", "STRASSE", "a b", "a-b", "İstanbul", "istanbul"}
	for _, a := range words {
		for _, b := range words {
			want := strings.Compare(strings.ToLower(a), strings.ToLower(b))
			if got := compareFold(a, b); got != want {
				t.Errorf("compareFold(%q, %q) = %d; strings.Compare of lower cases = %d", a, b, got, want)
			}
		}
	}
}
