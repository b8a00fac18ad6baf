package org

import (
	"fmt"
	"strings"
	"testing"
)

func TestSlugify(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Team Lead - Serverless Architecture", "team-lead-serverless-architecture"},
		{"VP of Cloud Engineering", "vp-of-cloud-engineering"},
		{"  Ünïcode  Role ", "ünïcode-role"},
	}
	for _, tt := range tests {
		if got := slugify(tt.in); got != tt.want {
			t.Errorf("slugify(%q) = %q; want %q", tt.in, got, tt.want)
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
