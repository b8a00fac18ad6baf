// Package generator builds a team handbook: a folder of Markdown pages with
// front matter for roles, processes, career ladders and teams becomes a
// cross-linked static website, and every reference between pages is checked
// before anything is written.
//
// # The pipeline
//
// Build runs these stages in order, one package each:
//
//	source    load the files under content/ (UTF-8, size-limited)
//	page      decode front matter; derive kind, id and URL
//	markdown  parse bodies in parallel; collect headings, links, titles;
//	          render each body there, its links' URLs left to fill in
//	org       build the org graph; validate every reference
//	link      check and rewrite links between pages and to #headings
//	layout    render every page through templates, in parallel
//	publish   write into a temporary folder (files unchanged since the
//	          previous build are hard-linked from it), then swap it into place
//
// All problems are collected, sorted by position and reported together as
// "path:line:col: severity: message". When there is any error nothing is
// written and the previous output stays exactly as it was.
//
// # Site layout
//
//	handbook.yaml   optional configuration (see below)
//	content/        the pages (required)
//	templates/      optional: overrides the built-in templates by file name
//	assets/         optional: overrides or adds static files by name
//
// # Pages and kinds
//
// Every .md file under content/ is a page. Its kind comes from its first
// folder: content/roles/ holds roles, content/processes/ processes,
// content/ladders/ career ladders, content/teams/ teams and content/skills/
// skills; anything else is a plain page. The front-matter key kind overrides
// this.
//
// A folder's landing page is its _index.md, index.md or README.md (only one of
// them); content/_index.md (or index.md, README.md) is the home page. A
// landing page is a plain page unless it says otherwise with kind.
//
// URLs are pretty: content/roles/team-lead.md is served at /roles/team-lead/,
// content/roles/_index.md at /roles/.
//
// # Front matter
//
// Front matter is optional. It is YAML between "---" lines, TOML between
// "+++" lines, or a JSON object whose "{" and "}" stand alone on the first
// and last lines, followed by an empty line:
//
//	---
//	title: Senior Serverless Developer
//	reports_to: team-lead-serverless-architecture
//	positions: 2
//	---
//
// Keys every page may use:
//
//	title    string   required, unless the body starts with a "# heading",
//	                  which then becomes the title
//	id       string   how other pages refer to this one; defaults to the file
//	                  name without ".md" (the folder name for a landing
//	                  page, "home" for the home page); unique in the handbook
//	kind     string   page, role, process, ladder, team or skill
//	summary  string   one sentence, shown in indexes and under the title
//	draft    bool     drafts are left out of the site
//	weight   int      orders pages in navigation (lower first, then by title)
//	aliases  [string] old URLs ("/old/path/") that redirect to this page
//	owner    string   the role id that owns the page (a process's owner)
//	review_by date    2025-06-30; past it, a warning and /needs-review/
//
// Keys of roles:
//
//	reports_to      string or [string]  the role id this role reports to; a
//	                                    list means alternatives ("reports to
//	                                    A or B")
//	positions       int or "2-3"        how many people hold the role (1)
//	direct_reports  int or "4-6"        the span of control the role declares
//	team            string              the id of the team page; a role
//	                                    without one is in the team of the
//	                                    role it reports to
//	skills          [string], or        a plain list is all required
//	                {required: [string], preferred: [string]}
//	external        bool                a role outside this handbook's team
//	                                    (a VP, the CTO) that exists so that
//	                                    reporting lines end somewhere real
//	onboarding      [task or {task: string, link: string, when: string}]
//	                                    the role's first tasks; also a key of
//	                                    team pages (see below)
//	processes       {process-id: string}
//	                                    what the role does in each process
//	                                    it owns or takes part in, shown on
//	                                    its onboarding path
//
// When content/skills/ has pages, every skill a role names must be the id of
// one of them, checked like every reference; otherwise skills are free text.
//
// Keys of processes:
//
//	owner         string    the role id that owns the process
//	participants  [string]  role ids that take part
//	cadence       string    "weekly", "per deployment", ...
//
// Keys of ladders:
//
//	levels  [{role: string, title: string, typical: string}]
//	        the steps from first to last; each names a role id, or a
//	        title for a step that is not a role ("Technical lead"), or
//	        both; typical is how long people stay before the next step
//	competencies  {name: {level: string}}
//	        the level matrix: for each competency, what each level
//	        expects, the level named by its role id or its title; a
//	        level left out expects what the level below it does
//
//	---
//	levels:
//	  - role: serverless-developer
//	  - role: senior-serverless-developer
//	competencies:
//	  Operations:
//	    serverless-developer: Supports production deployments.
//	    senior-serverless-developer: Resolves critical incidents within an hour.
//	---
//
// Keys of teams:
//
//	lead      string  the role id that leads the team
//	parent    string  the id of the team this one belongs to
//	division  string  the division, as free text
//	onboarding  [task or {task: string, link: string, when: string}]
//	          the checklist every role of the team (and of the teams
//	          inside it) starts with
//
// # Onboarding and growth
//
// Every role that is not external gets an onboarding path at
// /onboarding/<role-id>/: its team and lead, its reporting line and peers,
// the processes it takes part in with what the role does in each (from the
// role page's processes key), its skills, its ladder step with the next
// one and that level's expectations, and a checklist. The checklist is the onboarding
// items of the role's teams, outermost first, then the role's own, grouped
// by when: "day N", "week N", "month N", "quarter N" and "year N" in time
// order, then other words as they first appear, then items without a time.
// A link is written like a link in the body of the page that sets it.
// Ticks are kept in the reader's browser (localStorage); without JavaScript
// the list still reads and prints. /start-here/ lists every path by team
// and is linked from the home page and the header.
//
//	onboarding:
//	  - Set up your laptop
//	  - task: Read Incident Response before your first on-call shift
//	    link: ../processes/incident-response.md
//	    when: week 2
//
// A ladder with competencies shows them as a matrix of levels, then, for each
// pair of adjacent levels, only the competencies that change. Role pages show
// the expectations of their level. When any role names skills,
// /skills-matrix/ shows every skill against every role; a skill page lists
// the roles that need it.
//
// A key that is unknown, or that belongs to another kind, is an error, and so
// is a value of the wrong type.
//
// # Checks
//
// Errors fail the build; warnings are shown, and fail it only with --strict.
//
//   - reports_to, owner, participants, levels[].role and lead must name a
//     role; a role's team and a team's parent must name a team. A near miss
//     gets a suggestion: did you mean "...".
//   - Reporting lines must not form a cycle; every role in one is named.
//   - Two pages with the same id are an error naming both files; so is a
//     reports_to that lists a role twice.
//   - Nothing is written over anything else: two pages at one URL, a page
//     where a folder's generated index goes, an alias or a file from
//     content/ over a page or a generated file, two landing files in one
//     folder are errors.
//   - More than one role without reports_to (outside external roles) is a
//     warning: the org chart has more than one top.
//   - A role whose direct_reports cannot match the positions of the roles
//     reporting to it is a warning showing both numbers.
//   - A role's skills must name skill pages when content/skills/ has any;
//     a role's processes must name processes that list the role as owner
//     or participant; competencies must name levels of their ladder, each
//     level once (not by its role id and again by its title); an
//     onboarding link must resolve like a body link. These are errors.
//   - A manager at a lower level of a ladder than a direct report is a
//     warning at the reports_to entry; a ladder level whose role reports
//     past a role level in between is a warning at the level. Levels that
//     are only a title hold nobody, so passing them is fine; of
//     alternative managers the nearest counts.
//   - Relative links to .md files ("../processes/incident-response.md",
//     "/content/roles/x.md") are rewritten to page URLs, as GitHub renders
//     them in a pull request. A link to a missing page, to a "#heading" the
//     target page does not have, or out of the site is an error.
//
// # Configuration
//
// handbook.yaml at the site root is optional:
//
//	title: Serverless Computing Team Handbook
//	base_url: https://handbook.example.com/
//	edit_url: https://github.com/org/repo/edit/main/
//	repository: https://github.com/org/repo   # "Edit this page" when edit_url is not set
//	branch: main                              # with repository; main by default
//	unsafe_html: false   # allow raw HTML in Markdown
//
// Unknown keys are errors.
package generator
