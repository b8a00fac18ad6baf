package generator_test

import "testing"

// org is a small valid organisation the rule tests break one piece at a time.
const org = `
-- content/roles/lead.md --
---
title: Team Lead
reports_to: vp
direct_reports: 3
team: core
---
Leads the team.
-- content/roles/vp.md --
---
title: VP of Engineering
external: true
---
-- content/roles/senior.md --
---
title: Senior Developer
reports_to: lead
positions: 2
---
-- content/roles/dev.md --
---
title: Developer
reports_to: [senior, lead]
positions: 1-2
---
-- content/teams/core.md --
---
title: Core Team
lead: lead
---
-- content/processes/review.md --
---
title: Code Review
owner: lead
participants: [senior, dev]
cadence: per change
---
-- content/ladders/engineering.md --
---
title: Engineering
levels:
  - role: dev
    typical: 2-3 years
  - role: senior
  - title: Technical lead
  - role: lead
---
`

func TestValidOrganisationBuildsClean(t *testing.T) {
	build(t, org).ok().diagnostics()
}

func TestReportsToTypoSuggestsClosestRole(t *testing.T) {
	build(t, org+`
-- content/roles/intern.md --
---
title: Intern
reports_to: senoir
---
`).fails().diagnostics(
		`content/roles/intern.md:3:13: error: reports_to "senoir" is not a role; did you mean "senior"?`)
}

func TestReportsToWrongKind(t *testing.T) {
	build(t, org+`
-- content/roles/intern.md --
---
title: Intern
reports_to: core
---
`).fails().diagnostics(
		`content/roles/intern.md:3:13: error: reports_to "core" is a team (content/teams/core.md), not a role`)
}

func TestEveryReferenceKeyIsChecked(t *testing.T) {
	build(t, `
-- content/roles/lead.md --
---
title: Lead
team: platfrom
---
-- content/teams/platform.md --
---
title: Platform
lead: leed
parent: division
---
-- content/processes/p.md --
---
title: P
owner: nobody
participants: [lead, ghost]
---
-- content/ladders/l.md --
---
title: L
levels:
  - role: missing
---
`).fails().diagnostics(
		`content/ladders/l.md:4:11: error: levels role "missing" is not a role`,
		`content/processes/p.md:3:8: error: owner "nobody" is not a role`,
		`content/processes/p.md:4:22: error: participants "ghost" is not a role`,
		`content/roles/lead.md:3:7: error: team "platfrom" is not a team; did you mean "platform"?`,
		`content/teams/platform.md:3:7: error: lead "leed" is not a role; did you mean "lead"?`,
		`content/teams/platform.md:4:9: error: parent "division" is not a team`)
}

func TestReportingCycleNamesEveryRole(t *testing.T) {
	build(t, `
-- content/roles/a.md --
---
title: A
reports_to: b
---
-- content/roles/b.md --
---
title: B
reports_to: c
---
-- content/roles/c.md --
---
title: C
reports_to: a
---
`).fails().diagnostics(
		`content/roles/a.md:3:13: error: reporting cycle: a → b → c → a; a reporting line must end at a role without reports_to`)
}

func TestRoleReportingToItself(t *testing.T) {
	build(t, `
-- content/roles/a.md --
---
title: A
reports_to: a
---
`).fails().diagnostics(
		`content/roles/a.md:3:13: error: reports_to "a" is this role itself; a role cannot report to itself`)
}

func TestDuplicateIDNamesBothFiles(t *testing.T) {
	build(t, `
-- content/roles/lead.md --
---
title: Lead
---
-- content/teams/lead.md --
---
title: Lead team
---
-- content/other.md --
---
title: Other
id: lead
---
`).fails().diagnostics(
		`content/other.md:3:5: error: duplicate id "lead": content/roles/lead.md uses it too; set a different id in one of them`,
		`content/other.md:3:5: error: duplicate id "lead": content/teams/lead.md uses it too; set a different id in one of them`,
		`content/roles/lead.md: error: duplicate id "lead": content/other.md uses it too; set a different id in one of them`,
		`content/teams/lead.md: error: duplicate id "lead": content/other.md uses it too; set a different id in one of them`)
}

func TestSeveralTopsIsAWarning(t *testing.T) {
	s := build(t, `
-- content/roles/a.md --
---
title: A
---
-- content/roles/b.md --
---
title: B
---
-- content/roles/ceo.md --
---
title: CEO
external: true
---
`).ok()
	s.diagnostics(
		`content/roles/a.md:2:8: warning: the org chart has 2 tops: "a", "b" have no reports_to; add reports_to, or mark roles outside the team external: true`)
}

func TestDirectReportsMismatchShowsBothNumbers(t *testing.T) {
	build(t, `
-- content/roles/lead.md --
---
title: Lead
direct_reports: 6-8
---
-- content/roles/senior.md --
---
title: Senior
reports_to: lead
positions: 2
---
-- content/roles/dev.md --
---
title: Dev
reports_to: [senior, lead]
positions: 2-3
---
`).ok().diagnostics(
		`content/roles/lead.md:3:17: warning: direct_reports is 6-8, but the roles reporting to it have 2-5 positions (dev 0-3, shared with senior; senior 2)`)
}

func TestStrictMakesWarningsErrors(t *testing.T) {
	build(t, `
-- content/roles/lead.md --
---
title: Lead
direct_reports: 2
---
`, strict).fails().diagnostics(
		`content/roles/lead.md:3:17: error: direct_reports is 2, but no role reports to it`)
}

func TestDraftReferenceSaysItIsADraft(t *testing.T) {
	build(t, `
-- content/roles/lead.md --
---
title: Lead
draft: true
---
-- content/roles/dev.md --
---
title: Dev
reports_to: lead
---
`).fails().diagnostics(
		`content/roles/dev.md:3:13: error: reports_to "lead" is a draft (content/roles/lead.md), and drafts are left out of the site`)
}

func TestTitleIsRequired(t *testing.T) {
	build(t, `
-- content/notes.md --
Some text without a heading.
-- content/ok.md --
# Title from the heading

Text.
`).fails().diagnostics(
		`content/notes.md:1:1: error: title is required: add title to the front matter, or start the page with a "# Heading"`)
}

func TestBrokenLinksAndAnchors(t *testing.T) {
	build(t, `
-- content/roles/lead.md --
---
title: Lead
---
## Duties

See [review](../processes/reveiw.md), [the duties](#dutie),
and [the steps](../processes/review.md#stpes) or [outside](../../README.md).
-- content/processes/review.md --
---
title: Review
---
## Steps
`).fails().diagnostics(
		`content/roles/lead.md:6:5: error: link "../processes/reveiw.md": no page or file content/processes/reveiw.md; did you mean "../processes/review.md"?`,
		`content/roles/lead.md:6:39: error: link "#dutie": this page has no heading with id "dutie"; did you mean "#duties"?`,
		`content/roles/lead.md:7:5: error: link "../processes/review.md#stpes": content/processes/review.md has no heading with id "stpes"; did you mean "#steps"?`,
		`content/roles/lead.md:7:50: error: link "../../README.md": leads out of content/ to "README.md"; only files under content/ are published`)
}

func TestUnknownFrontMatterKey(t *testing.T) {
	build(t, `
-- content/roles/lead.md --
---
title: Lead
reports_too: vp
---
`).fails().diagnostics(
		`content/roles/lead.md:3:1: error: unknown key "reports_too"; did you mean "reports_to"?`)
}

func TestUnknownConfigKey(t *testing.T) {
	build(t, `
-- handbook.yaml --
title: T
colour: blue
-- content/a.md --
# A
`).fails().diagnostics(
		`handbook.yaml:2:1: error: unknown key "colour" in handbook.yaml (known: title, base_url, edit_url, repository, branch, unsafe_html)`)
}

func TestSamePublishedURL(t *testing.T) {
	build(t, `
-- content/guide.md --
# Guide
-- content/guide/index.md --
# Guide folder
`).fails().diagnostics(
		`content/guide.md: error: duplicate id "guide": content/guide/index.md uses it too; set a different id in one of them`,
		`content/guide/index.md: error: content/guide/index.md would be published at /guide/, where content/guide.md already is; rename one`,
		`content/guide/index.md: error: duplicate id "guide": content/guide.md uses it too; set a different id in one of them`)
}

func TestMisspeltTitleIsReportedOnce(t *testing.T) {
	build(t, `
-- content/roles/cto.md --
---
titel: Chief Technology Officer
---
`).fails().diagnostics(
		`content/roles/cto.md:2:1: error: unknown key "titel"; did you mean "title"?`)
}

func TestShortenedIDSuggestsTheFullOne(t *testing.T) {
	build(t, `
-- content/roles/team-lead-serverless-architecture.md --
---
title: Team Lead - Serverless Architecture
---
-- content/roles/dev.md --
---
title: Dev
reports_to: team-lead
---
`).fails().diagnostics(
		`content/roles/dev.md:3:13: error: reports_to "team-lead" is not a role; did you mean "team-lead-serverless-architecture"?`)
}

func TestNothingIsWrittenOverSomethingElse(t *testing.T) {
	build(t, `
-- content/guide.md --
# Guide
-- content/guide/setup.md --
# Setup
-- content/roles/lead.md --
---
title: Lead
aliases: [/org/, /guide/setup/]
---
-- content/404.html --
<p>custom</p>
-- content/assets/logo.png --
png
`).fails().diagnostics(
		`content/404.html: error: content/404.html would be published at /404.html, where the page-not-found page already is; rename one`,
		`content/assets/logo.png: error: content/assets/logo.png would be published at /assets/logo.png, where the theme's assets folder already is; rename one`,
		`content/guide.md: error: content/guide.md would be published at /guide/, where the index of content/guide/ already is; to make it the folder's landing page, move it to content/guide/_index.md`,
		`content/roles/lead.md:3:11: error: alias "/org/" of content/roles/lead.md would be published at /org/, where the org chart already is; rename one`,
		`content/roles/lead.md:3:18: error: alias "/guide/setup/" of content/roles/lead.md would be published at /guide/setup/, where content/guide/setup.md already is; rename one`)
}

func TestTwoLandingPagesInOneFolderIsOneError(t *testing.T) {
	build(t, `
-- content/guide/index.md --
# Guide
-- content/guide/README.md --
# Guide on GitHub
`).fails().diagnostics(
		`content/guide/index.md: error: content/guide/ has two landing pages, README.md and index.md; keep one (index.md is left out)`)
}

func TestRepeatedReportsTo(t *testing.T) {
	build(t, `
-- content/roles/a.md --
---
title: A
---
-- content/roles/b.md --
---
title: B
reports_to: [a, a]
---
`).fails().diagnostics(
		`content/roles/b.md:3:17: error: reports_to lists "a" twice`)
}
