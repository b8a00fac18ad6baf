package generator_test

import (
	"strings"
	"testing"
)

// growth is a small handbook with everything the onboarding paths, level
// matrices and skill pages read.
const growth = `
-- content/_index.md --
# Home

Welcome.
-- content/roles/lead.md --
---
title: Team Lead
reports_to: vp
team: core
skills: [go]
onboarding:
  - task: Meet the VP
    link: vp.md
    when: week 1
---
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
skills:
  required: [go]
  preferred: [aws]
---
-- content/roles/dev.md --
---
title: Developer
reports_to: [senior, lead]
skills: [go, aws]
processes:
  review: You write small changes and review each other's.
onboarding:
  - Set up your laptop
  - task: Ship a change
    link: ../processes/review.md#steps
    when: month 1
  - task: Pair with a senior
    when: week 2
---
-- content/roles/ops.md --
---
title: Operations Engineer
reports_to: lead
---
-- content/teams/core.md --
---
title: Core Team
lead: lead
onboarding:
  - task: Read the review process
    link: ../processes/review.md
    when: week 1
  - task: Meet the team
    when: week 1
  - task: Plan your first quarter
    when: first quarter
---
-- content/processes/review.md --
---
title: Code Review
owner: lead
participants: [senior, dev]
cadence: per change
summary: Every change is reviewed.
---
## Steps
-- content/ladders/engineering.md --
---
title: Engineering
levels:
  - role: dev
    typical: 2-3 years
  - role: senior
  - title: Technical lead
  - role: lead
competencies:
  Delivery:
    dev: Ships small changes
    senior: Ships features
    lead: Sets delivery standards
  Mentoring:
    senior: Mentors developers
    Technical lead: Mentors seniors
  Scope:
    dev: The team
---
-- content/skills/go.md --
---
title: Go
---
-- content/skills/aws.md --
---
title: AWS
---
`

func TestOnboardingPathOfARole(t *testing.T) {
	s := build(t, growth).ok().diagnostics()
	s.contains("onboarding/dev/index.html",
		`<h1>Onboarding: Developer</h1>`,
		`<li><a href="/">Home</a></li><li><a href="/start-here/">Start here</a></li>`,
		// Team, lead, manager, step.
		`<dt>Your team</dt><dd><a href="/teams/core/">Core Team</a>, led by <a href="/roles/lead/">Team Lead</a></dd>`,
		`<dt>You report to</dt><dd><a href="/roles/senior/">Senior Developer</a> or <a href="/roles/lead/">Team Lead</a></dd>`,
		`<dt>Your step</dt><dd>Developer, step 1 of 4 on the <a href="/ladders/engineering/">Engineering</a></dd>`,
		// Peers leave out the roles the role may itself report to.
		`<h2 id="hb-peers">Who else reports there</h2>
<ul><li><a href="/roles/ops/">Operations Engineer</a> <span class="count" title="positions">1</span></li></ul>`,
		`<a href="/processes/review/">Code Review</a> <span class="tag">you take part</span> <span class="cadence">per change</span><p>Every change is reviewed.</p><p class="does">You write small changes and review each other&#39;s.</p></li>`,
		`<h3 id="hb-skills-required">Required</h3><ul><li><a href="/skills/go/">Go</a></li><li><a href="/skills/aws/">AWS</a></li></ul>`,
		`Next step: <a href="/roles/senior/">Senior Developer</a>, typically after 2-3 years.`,
		`<dl class="expectations"><div><dt>Delivery</dt><dd>Ships small changes</dd></div><div><dt>Scope</dt><dd>The team</dd></div></dl>`,
		// The checklist: the team's items first, grouped by when, times in
		// order, then words, then items with no time; links resolved from
		// the page that wrote them.
		`<h3 id="hb-when-1">week 1</h3>
<ul class="tasks"><li><label><input type="checkbox" data-key="`,
		`"><span class="box" aria-hidden="true"></span> <a href="/processes/review/">Read the review process</a></label> <span class="from">from Core Team</span></li>`,
		`"><span class="box" aria-hidden="true"></span> Meet the team</label> <span class="from">from Core Team</span></li></ul>`,
		`<h3 id="hb-when-2">week 2</h3>`,
		`"><span class="box" aria-hidden="true"></span> Pair with a senior</label></li></ul>`,
		`<h3 id="hb-when-3">month 1</h3>`,
		`"><span class="box" aria-hidden="true"></span> <a href="/processes/review/#steps">Ship a change</a></label></li></ul>`,
		`<h3 id="hb-when-4">first quarter</h3>`,
		`<h3 id="hb-when-5">Any time</h3>`,
		`"><span class="box" aria-hidden="true"></span> Set up your laptop</label></li></ul>`,
		`<script src="/assets/checklist.`,
		// Another role's items are not inherited.
		`! Meet the VP`,
	)
	s.contains("onboarding/lead/index.html",
		`"><span class="box" aria-hidden="true"></span> <a href="/roles/vp/">Meet the VP</a></label></li>`,
		`<h2 id="hb-reports">Who reports to you</h2>`,
		`This is the top of the ladder.`)
	s.missing("onboarding/vp/index.html")
	s.contains("start-here/index.html",
		`<h2 id="hb-start-1">Core Team</h2>
<ul class="cards"><li><a href="/onboarding/dev/">Developer</a></li><li><a href="/onboarding/ops/">Operations Engineer</a></li><li><a href="/onboarding/senior/">Senior Developer</a></li><li><a href="/onboarding/lead/">Team Lead</a></li></ul>`,
		`! /onboarding/vp/`)
	s.contains("index.html",
		`<p class="start-here"><strong>New to the team?</strong> <a href="/start-here/">Start here</a>`,
		`<a href="/start-here/">Start here</a>`)
	s.contains("roles/dev/index.html", `<dt>New in the role?</dt><dd><a href="/onboarding/dev/">Onboarding path</a></dd>`)
	s.contains("sitemap.xml", `<loc>/start-here/</loc>`, `<loc>/onboarding/dev/</loc>`, `<loc>/skills-matrix/</loc>`)
	s.contains("schema/frontmatter.json", `"onboarding"`, `"competencies"`)
}

func TestOnboardingAtTheTopOfALadder(t *testing.T) {
	// A typical time on the last level has no next step to lead to.
	build(t, growth+`
-- content/ladders/engineering.md --
---
title: Engineering
levels:
  - role: senior
    typical: 2 years
  - role: lead
    typical: 3 years
---
`).ok().
		contains("onboarding/senior/index.html",
			`, step 1 of 2. Next step: <a href="/roles/lead/">Team Lead</a>, typically after 2 years.`).
		contains("onboarding/lead/index.html",
			`, step 2 of 2. This is the top of the ladder.`,
			`! 3 years`)
}

func TestChecklistKeysAreStableAndDistinct(t *testing.T) {
	checklist := func(html string) string {
		return html[strings.Index(html, `<section class="checklist"`):]
	}
	a := checklist(build(t, growth).ok().file("onboarding/dev/index.html"))
	b := checklist(build(t, growth+`
-- content/roles/extra.md --
---
title: Extra
reports_to: lead
---
`).ok().file("onboarding/dev/index.html"))
	if a != b {
		t.Errorf("adding another role changed the checklist of dev; ticks would be lost")
	}
	s := build(t, growth+`
-- content/roles/ops.md --
---
title: Operations Engineer
reports_to: lead
onboarding: [Twice, Twice]
---
`).ok()
	s.contains("onboarding/ops/index.html", `-2"><span class="box" aria-hidden="true"></span> Twice</label>`)
}

func TestNoRolesNoOnboardingPages(t *testing.T) {
	build(t, `
-- content/_index.md --
# Home
`).ok().diagnostics().
		missing("start-here/index.html").
		missing("skills-matrix/index.html").
		contains("index.html", `! Start here`)
}

func TestOnboardingProcessWithoutWhatTheRoleDoes(t *testing.T) {
	// The senior says nothing of its part: the process summary alone.
	build(t, growth).ok().contains("onboarding/senior/index.html",
		`<span class="cadence">per change</span><p>Every change is reviewed.</p></li>`,
		`! class="does"`)
}

func TestRoleProcessesMustBeItsOwn(t *testing.T) {
	build(t, growth+`
-- content/roles/ops.md --
---
title: Operations Engineer
reports_to: lead
processes:
  reveiw: Reviews deployments.
  core: Runs the team.
---
-- content/roles/senior.md --
---
title: Senior Developer
reports_to: lead
processes:
  review: Reviews features.
---
-- content/processes/deploy.md --
---
title: Deploy
owner: lead
---
-- content/roles/lead.md --
---
title: Team Lead
reports_to: vp
team: core
processes:
  review: Owns it.
  deploy: Approves every deployment.
---
`).fails().diagnostics(
		`content/roles/ops.md:5:3: error: processes "reveiw" is not a process; did you mean "review"?`,
		`content/roles/ops.md:6:3: error: processes "core" is a team (content/teams/core.md), not a process`)

	build(t, growth+`
-- content/roles/ops.md --
---
title: Operations Engineer
reports_to: lead
processes:
  review: Reviews deployments.
---
`).fails().diagnostics(
		`content/roles/ops.md:5:3: error: processes names "review", but content/processes/review.md does not list "ops" as its owner or a participant`)
}

func TestOnboardingLinkToMissingPage(t *testing.T) {
	build(t, growth+`
-- content/teams/core.md --
---
title: Core Team
lead: lead
onboarding:
  - task: Read the review process
    link: ../processes/reveiw.md
  - task: Read the steps
    link: ../processes/review.md#stpes
---
`).fails().diagnostics(
		`content/teams/core.md:6:11: error: onboarding link "../processes/reveiw.md": no page or file content/processes/reveiw.md; did you mean "../processes/review.md"?`,
		`content/teams/core.md:8:11: error: onboarding link "../processes/review.md#stpes": content/processes/review.md has no heading with id "stpes"; did you mean "#steps"?`)
}

func TestOnboardingLinkToGeneratedPages(t *testing.T) {
	build(t, growth+`
-- content/roles/ops.md --
---
title: Operations Engineer
reports_to: lead
onboarding:
  - {task: Find your path, link: /start-here/}
  - {task: See the chart, link: /org/}
  - {task: Read the docs, link: "https://example.com/docs"}
---
`).ok().contains("onboarding/ops/index.html",
		`<a href="/start-here/">Find your path</a>`,
		`<a href="/org/">See the chart</a>`,
		`<a href="https://example.com/docs">Read the docs</a>`)
}

func TestLadderLevelMatrix(t *testing.T) {
	s := build(t, growth).ok()
	s.contains("ladders/engineering/index.html",
		`<thead><tr><th scope="col">Competency</th><th scope="col">Developer</th><th scope="col">Senior Developer</th><th scope="col">Technical lead</th><th scope="col">Team Lead</th></tr></thead>`,
		// A level left out repeats the one below; before the first, nothing.
		`<tr><th scope="row">Mentoring</th><td>—</td><td>Mentors developers</td><td>Mentors seniors</td><td class="same">Mentors seniors</td></tr>`,
		`<tr><th scope="row">Scope</th><td>The team</td><td class="same">The team</td><td class="same">The team</td><td class="same">The team</td></tr>`,
		// Each step shows only what differs.
		`<h3 id="hb-step-1">From Developer to Senior Developer: what changes</h3>
<dl class="changes"><div><dt>Delivery</dt><dd><span class="before">Ships small changes</span> → <span class="after">Ships features</span></dd></div><div><dt>Mentoring</dt><dd>New: <span class="after">Mentors developers</span></dd></div></dl>`,
		`<h3 id="hb-step-2">From Senior Developer to Technical lead: what changes</h3>
<dl class="changes"><div><dt>Mentoring</dt><dd><span class="before">Mentors developers</span> → <span class="after">Mentors seniors</span></dd></div></dl>`,
		`<h3 id="hb-step-3">From Technical lead to Team Lead: what changes</h3>
<dl class="changes"><div><dt>Delivery</dt><dd><span class="before">Ships features</span> → <span class="after">Sets delivery standards</span></dd></div></dl>`,
		`! <dt>Scope</dt>`)
	s.contains("roles/senior/index.html",
		`<dl class="expectations"><div><dt>Delivery</dt><dd>Ships features</dd></div><div><dt>Mentoring</dt><dd>Mentors developers</dd></div><div><dt>Scope</dt><dd>The team</dd></div></dl>`)
}

func TestLadderStepWithoutChanges(t *testing.T) {
	build(t, growth+`
-- content/ladders/engineering.md --
---
title: Engineering
levels:
  - role: dev
  - role: senior
competencies:
  Delivery:
    dev: Ships
---
`).ok().contains("ladders/engineering/index.html",
		`<h3 id="hb-step-1">From Developer to Senior Developer: what changes</h3>
<p>No competency changes at this step.</p>`)
}

func TestOneLevelLadderHasNoSteps(t *testing.T) {
	build(t, growth+`
-- content/ladders/engineering.md --
---
title: Engineering
levels:
  - role: dev
competencies:
  Delivery:
    dev: Ships
---
`).ok().contains("ladders/engineering/index.html",
		`<tr><th scope="row">Delivery</th><td>Ships</td></tr>`,
		`! What changes at each step`)
}

func TestCompetencyNamesUnknownLevel(t *testing.T) {
	build(t, growth+`
-- content/ladders/engineering.md --
---
title: Engineering
levels:
  - role: dev
  - role: senior
  - title: Technical lead
competencies:
  Delivery:
    dev: Ships
    senoir: Ships more
    technical: Leads
    cto: Decides
---
`).fails().diagnostics(
		`content/ladders/engineering.md:10:5: error: competencies.Delivery names level "senoir", which is not on this ladder; did you mean "senior"?`,
		`content/ladders/engineering.md:11:5: error: competencies.Delivery names level "technical", which is not on this ladder; did you mean "Technical lead"?`,
		`content/ladders/engineering.md:12:5: error: competencies.Delivery names level "cto", which is not on this ladder; levels are named by role id or title: "dev", "senior", "Technical lead"`)
}

func TestCompetencyNamesALevelTwice(t *testing.T) {
	// "senior" and "Senior engineer" are one level, by role id and title.
	build(t, growth+`
-- content/ladders/engineering.md --
---
title: Engineering
levels:
  - role: dev
  - role: senior
    title: Senior engineer
competencies:
  Delivery:
    senior: Ships features
    dev: Ships
    Senior engineer: Ships products
---
`).fails().diagnostics(
		`content/ladders/engineering.md:11:5: error: competencies.Delivery names level "Senior engineer", which is the level "senior" already set on line 9`)
}

func TestSkillPagesListTheirRolesAndTheMatrix(t *testing.T) {
	s := build(t, growth).ok()
	s.contains("skills/go/index.html",
		`<p class="kind">Skill</p>`,
		`<h2 id="hb-skill-roles">Roles that need it</h2>
<ul><li><a href="/roles/dev/">Developer</a> <span class="tag">required</span></li><li><a href="/roles/senior/">Senior Developer</a> <span class="tag">required</span></li><li><a href="/roles/lead/">Team Lead</a> <span class="tag">required</span></li></ul>`,
		`<p><a href="/skills-matrix/">Every skill by role</a></p>`)
	s.contains("skills/aws/index.html",
		`<li><a href="/roles/dev/">Developer</a> <span class="tag">required</span></li><li><a href="/roles/senior/">Senior Developer</a> <span class="tag">preferred</span></li>`)
	s.contains("skills-matrix/index.html",
		`<thead><tr><th scope="col">Skill</th><th scope="col"><a href="/roles/dev/">Developer</a></th><th scope="col"><a href="/roles/senior/">Senior Developer</a></th><th scope="col"><a href="/roles/lead/">Team Lead</a></th></tr></thead>`,
		`<tr><th scope="row"><a href="/skills/aws/">AWS</a></th><td class="need-required"><strong>required</strong></td><td class="need-preferred"><em>preferred</em></td><td></td></tr>`,
		`! Operations Engineer`)
	s.contains("skills/index.html", `<a href="/skills/aws/">AWS</a>`)
	s.contains("roles/senior/index.html", `<h3 id="hb-skills-preferred">Preferred</h3><ul><li><a href="/skills/aws/">AWS</a></li></ul>`)
	s.contains("org/index.html", `<a href="/skills-matrix/">Skills matrix</a>`)
}

func TestSkillPageWithoutMatrix(t *testing.T) {
	// No role names a skill, so there is no matrix to link to.
	build(t, `
-- content/skills/go.md --
---
title: Go
---
`).ok().diagnostics().
		missing("skills-matrix/index.html").
		contains("skills/go/index.html", `<p>No role names this skill.</p>`, `! skills-matrix`)
}

func TestSkillsWithoutSkillPagesAreFreeText(t *testing.T) {
	build(t, `
-- content/roles/dev.md --
---
title: Developer
skills:
  required: [Go]
  preferred: [Event-driven design]
---
`).ok().diagnostics().
		contains("skills-matrix/index.html",
			`<tr><th scope="row">Go</th><td class="need-required"><strong>required</strong></td></tr>`,
			`<tr><th scope="row">Event-driven design</th><td class="need-preferred"><em>preferred</em></td></tr>`).
		contains("roles/dev/index.html", `<li>Go</li>`)
}

func TestRoleSkillMustBeASkillPage(t *testing.T) {
	build(t, growth+`
-- content/roles/ops.md --
---
title: Operations Engineer
reports_to: lead
skills:
  required: [awz, core, Go, aws]
  preferred: [aws]
---
`).fails().diagnostics(
		`content/roles/ops.md:5:14: error: skills "awz" is not a skill; did you mean "aws"?`,
		`content/roles/ops.md:5:19: error: skills "core" is a team (content/teams/core.md), not a skill`,
		`content/roles/ops.md:5:25: error: skills "Go" is not a skill; did you mean "go"?`,
		`content/roles/ops.md:6:15: error: skills lists "aws" twice`)
}

func TestSkillsNeedTheSkillKind(t *testing.T) {
	build(t, growth+`
-- content/skills/rust.md --
---
title: Rust
reports_to: lead
---
`).fails().diagnostics(
		`content/skills/rust.md:3:1: error: key "reports_to" is for role pages, not skill pages`)
}

func TestManagerBelowDirectReportOnALadder(t *testing.T) {
	inverted := growth + `
-- content/ladders/inverted.md --
---
title: Inverted
levels:
  - role: lead
  - role: senior
---
`
	want := `content/roles/senior.md:3:13: warning: manager "lead" is at level 1 of ladder "inverted", below its direct report "senior" at level 2; a manager should not sit at a lower level than a direct report`
	build(t, inverted).ok().diagnostics(want)
	build(t, inverted, strict).fails().diagnostics(
		`content/roles/senior.md:3:13: error: manager "lead" is at level 1 of ladder "inverted", below its direct report "senior" at level 2; a manager should not sit at a lower level than a direct report`)
}

func TestLadderLevelSkipsALevel(t *testing.T) {
	skipping := growth + `
-- content/roles/intern.md --
---
title: Intern
reports_to: ops
---
-- content/ladders/apprentice.md --
---
title: Apprenticeship
levels:
  - role: intern
  - role: senior
  - title: Lead engineer
  - role: lead
---
`
	// intern reports to ops, who is off the ladder; ops reports to lead,
	// two role levels up.
	want := `content/ladders/apprentice.md:4:11: warning: level 1 "intern" reports to "lead" at level 4, skipping level 2 "senior" in between; let it report to "senior", or reorder the ladder`
	build(t, skipping).ok().diagnostics(want)
	build(t, skipping, strict).fails()
}

func TestGeneratedGrowthPagesClash(t *testing.T) {
	build(t, growth+`
-- content/start-here.md --
# Start
-- content/onboarding/dev.md --
---
title: Developer onboarding
id: dev-onboarding
---
-- content/skills-matrix/_index.md --
# Matrix
`).fails().diagnostics(
		`content/onboarding/dev.md: error: content/onboarding/dev.md would be published at /onboarding/dev/, where the onboarding path of content/roles/dev.md already is; rename one`,
		`content/skills-matrix/_index.md: error: content/skills-matrix/_index.md would be published at /skills-matrix/, where the skills matrix already is; rename one`,
		`content/start-here.md: error: content/start-here.md would be published at /start-here/, where the start-here page already is; rename one`)
}

func TestGrowthPagesUnderABasePath(t *testing.T) {
	build(t, growth+`
-- handbook.yaml --
title: Handbook
base_url: https://example.com/hb/
`).ok().
		contains("onboarding/dev/index.html",
			`<a href="/hb/processes/review/#steps">Ship a change</a>`,
			`<li><a href="/hb/start-here/">Start here</a></li>`,
			`<script src="/hb/assets/checklist.`).
		contains("start-here/index.html", `<a href="/hb/onboarding/dev/">Developer</a>`).
		contains("sitemap.xml", `<loc>https://example.com/hb/onboarding/dev/</loc>`)
}

func TestOnboardingLinkWithinItsOwnPage(t *testing.T) {
	within := growth + `
-- content/teams/core.md --
---
title: Core Team
lead: lead
onboarding:
  - task: Read how the team works
    link: "#how-we-work"
---
## How we work

See [above](#how-we-work).
`
	// The path has no such heading: the link names the team page. The team
	// page's own body link is left as written.
	build(t, within).ok().
		contains("onboarding/dev/index.html", `<a href="/teams/core/#how-we-work">Read how the team works</a>`).
		contains("teams/core/index.html", `<a href="#how-we-work">above</a>`)
	build(t, within+`
-- handbook.yaml --
title: Handbook
base_url: https://example.com/hb/
`).ok().contains("onboarding/dev/index.html", `<a href="/hb/teams/core/#how-we-work">Read how the team works</a>`)
}
