package generator_test

import (
	"strings"
	"testing"
	"time"

	"github.com/teamhandbook/handbook/generator"
	"github.com/teamhandbook/handbook/generator/history"
)

// on fixes the build's clock.
func on(date string) func(*generator.Config) {
	return func(c *generator.Config) {
		t, _ := time.Parse(time.DateOnly, date)
		c.Now = func() time.Time { return t.Add(15 * time.Hour) }
	}
}

const reviewed = `
-- content/roles/lead.md --
---
title: Team Lead
---
-- content/roles/sre.md --
---
title: SRE
reports_to: lead
---
-- content/onboarding.md --
---
title: Onboarding
owner: lead
review_by: 2025-03-01
---
-- content/oncall.md --
---
title: On-call
owner: sre
review_by: 2025-01-15
---
-- content/holidays.md --
---
title: Holidays
review_by: 2024-12-31
---
-- content/processes/deploy.md --
---
title: Deploy
owner: lead
review_by: 2025-02-01
---
-- content/fresh.md --
---
title: Fresh
owner: lead
review_by: 2025-02-10
---
`

func TestPastReviewDateWarnsAndIsListedByOwner(t *testing.T) {
	s := build(t, reviewed, on("2025-02-10")).ok().diagnostics(
		`content/holidays.md:3:12: warning: review_by 2024-12-31 has passed: its owner should check the page is still true and set a new date`,
		`content/oncall.md:4:12: warning: review_by 2025-01-15 has passed: its owner, sre, should check the page is still true and set a new date`,
		`content/processes/deploy.md:4:12: warning: review_by 2025-02-01 has passed: its owner, lead, should check the page is still true and set a new date`,
	)
	s.contains("needs-review/index.html",
		`<h2><a href="/roles/sre/">SRE</a></h2>`,
		`<h2><a href="/roles/lead/">Team Lead</a></h2>`,
		`<h2>No owner</h2>`,
		`<a href="/processes/deploy/">Deploy</a> <span class="tag">due 2025-02-01</span>`,
		`! <a href="/onboarding/">Onboarding</a> <span class="tag">`,
		`! <a href="/fresh/">Fresh</a> <span class="tag">`,
	)
	// Owners by title (SRE before Team Lead), the unowned last.
	page := s.linked("needs-review/index.html")
	if i, j, k := strings.Index(page, "<h2><a href=\"/roles/sre/\">"), strings.Index(page, "<h2><a href=\"/roles/lead/\">"), strings.Index(page, "<h2>No owner"); i < 0 || !(i < j && j < k) {
		t.Errorf("groups out of order: SRE at %d, Team Lead at %d, No owner at %d", i, j, k)
	}
	s.contains("oncall/index.html",
		`<p class="review-due">This page was due for review on 2025-01-15 by its owner, <a href="/roles/sre/">SRE</a>`,
		`Owned by <a href="/roles/sre/">SRE</a>.`)
	s.contains("fresh/index.html", `! review-due`, `Owned by <a href="/roles/lead/">Team Lead</a>.`)
	// The list is found from every page's sidebar while it has entries.
	s.contains("fresh/index.html", `<li><a href="/needs-review/">Needs review</a></li>`)
	s.contains("needs-review/index.html", `<li><a href="/needs-review/" aria-current="page">Needs review</a></li>`)
	build(t, reviewed, on("2025-02-10"), strict).fails()
}

func TestNoPageNeedsReview(t *testing.T) {
	build(t, reviewed, on("2024-01-01")).ok().diagnostics().
		contains("needs-review/index.html", "Every page is within its review date.").
		contains("fresh/index.html", `! href="/needs-review/"`)
}

func TestOwnerIsCheckedLikeEveryReference(t *testing.T) {
	build(t, `
-- content/roles/lead.md --
---
title: Team Lead
---
-- content/teams/core.md --
---
title: Core
---
-- content/a.md --
---
title: A
owner: laed
---
-- content/b.md --
---
title: B
owner: core
---
`).fails().diagnostics(
		`content/a.md:3:8: error: owner "laed" is not a role; did you mean "lead"?`,
		`content/b.md:3:8: error: owner "core" is a team (content/teams/core.md), not a role`,
	)
}

func TestEditLinkFromRepositoryAndBranch(t *testing.T) {
	build(t, `
-- handbook.yaml --
repository: https://github.com/acme/handbook
branch: trunk
-- content/a.md --
---
title: A
---
`).ok().contains("a/index.html", `<a href="https://github.com/acme/handbook/edit/trunk/content/a.md">Edit this page</a>`)
}

func TestLastUpdatedFromHistory(t *testing.T) {
	when := time.Date(2024, 5, 2, 11, 30, 0, 0, time.UTC)
	build(t, `
-- content/a.md --
---
title: A
---
-- content/b.md --
---
title: B
---
`, func(c *generator.Config) {
		c.History = func() map[string]history.Change {
			return map[string]history.Change{"content/a.md": {Date: when, Author: "Bob Example"}}
		}
	}).ok().
		contains("a/index.html", `Last updated <time datetime="2024-05-02">2 May 2024</time> by Bob Example.`).
		contains("b/index.html", `! Last updated`)
}
