package search

import "strings"

// related is the handbook-domain table of related terms, applied to queries
// only (the index stays as written): a query word on the left also matches
// the words on its right, as a looser match than the word itself. It answers
// the questions people ask in other words than a handbook's ("how do I get
// promoted" for a career ladder, "outage" for incident response). Keep it
// small and about how teams talk about their work, not about one handbook.
// assets/search.js carries the same text; a test holds them equal.
const related = `promote promoted promotion promotions: career ladder progression level
career: ladder progression level
level levels: ladder career
outage outages broken breaks downtime: incident on-call
paged pager paging: on-call incident
on-call oncall: incident rota
approve approves approved approval approver sign: review owner
hire hired hiring joined joiner joiners newcomer: onboarding start
training course courses certification: learning development
measure measured kpi kpis: metrics performance
uptime: availability metrics
responsible: owner
pull pr prs: review
deploy deploys deployment deployments release: devops pipeline
tool tools: skills`

// synonyms maps a query word's stem to the stems of its related terms.
var synonyms = func() map[string][]string {
	m := map[string][]string{}
	for _, line := range strings.Split(related, "\n") {
		left, right, _ := strings.Cut(line, ":")
		var rel []string
		for _, w := range strings.Fields(right) {
			rel = append(rel, Stem(Fold(w)))
		}
		for _, w := range strings.Fields(left) {
			k := Stem(Fold(w))
			m[k] = append(m[k], rel...)
		}
	}
	return m
}()
