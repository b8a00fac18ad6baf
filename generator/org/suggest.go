package org

import (
	"slices"
	"strings"

	"github.com/teamhandbook/handbook/generator/page"
	"github.com/teamhandbook/handbook/generator/typo"
)

// suggest returns the id of kind k that the writer most likely meant by
// value: one whose title is value ("Team Lead" for "team-lead"), or the id
// within a few typos of it.
func (g *Graph) suggest(value string, k page.Kind) string {
	slug := page.Slug(value)
	var ids []string
	for id, p := range g.byID {
		if p.Kind == k {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids) // map order must not change the answer
	if slices.Contains(ids, slug) {
		return slug
	}
	for _, id := range ids {
		if page.Slug(g.byID[id].Title) == slug {
			return id
		}
	}
	if id, ok := typo.Closest(value, ids, typo.Limit(len(value))); ok {
		return id
	}
	return shortestWithWords(slug, ids)
}

// shortestWithWords returns the shortest id holding all the words of slug in
// order, as writers shorten "team-lead-serverless-architecture" to
// "team-lead".
func shortestWithWords(slug string, ids []string) string {
	words := strings.Split(slug, "-")
	best := ""
	for _, id := range ids {
		if !hasWordsInOrder(strings.Split(id, "-"), words) {
			continue
		}
		if best == "" || len(id) < len(best) || len(id) == len(best) && id < best {
			best = id
		}
	}
	return best
}

func hasWordsInOrder(have, want []string) bool {
	i := 0
	for _, w := range have {
		if i < len(want) && w == want[i] {
			i++
		}
	}
	return i == len(want) && len(want) > 0
}
