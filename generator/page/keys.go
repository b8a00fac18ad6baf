package page

// shape is what a front-matter value may look like. It decides both how the
// decoder checks a value and what the schema says about it, so the two cannot
// disagree.
type shape int

const (
	shapeString       shape = iota // any string, "" included
	shapeRef                       // the id of another page, or of this one: not empty
	shapeKind                      // one of Kinds
	shapeBool                      // true or false
	shapeInt                       // a whole number
	shapeStrings                   // a list of strings
	shapeRefs                      // a list of ids
	shapeRefOrRefs                 // an id, or a list of ids meaning alternatives
	shapeAliases                   // a list of URL paths starting with "/"
	shapeCount                     // a number or a range "2-3"
	shapeSkills                    // a list of strings, or required and preferred lists
	shapeLevels                    // a list of ladder steps
	shapeOnboarding                // a list of checklist items
	shapeCompetencies              // competency name → level → expectation
	shapeDate                      // a calendar date, 2006-01-02
	shapeDuties                    // process id → what the role does in it
)

// key is one front-matter key of a T (Meta, Level or Skills). The tables
// below are the only place keys are listed: decoding, the "key is for role
// pages" check, suggestions for misspelt keys and the JSON Schema all read
// them.
type key[T any] struct {
	name  string
	kinds []Kind // the kinds of page that may use the key; nil for every kind
	shape shape
	doc   string
	set   func(dst *T, v value)
}

// value is a decoded front-matter value. Only the field matching the key's
// shape is filled; it is left zero when the value was rejected, so a bad
// value never reaches the Page.
type value struct {
	text   Text
	texts  []Text
	flag   bool
	number int
	count  Range
	skills Skills
	levels []Level
	date   Date
	duties []Duty
	items  []OnboardingItem
	comps  []Competency
}

// appliesTo reports whether a page of kind k may use the key.
func (k key[T]) appliesTo(kind Kind) bool {
	if k.kinds == nil {
		return true
	}
	for _, c := range k.kinds {
		if c == kind {
			return true
		}
	}
	return false
}

// metaKeys returns the keys of the front matter, in the order the
// documentation and the schema show them. It is a function rather than a
// variable so that no caller can change the table another one reads.
func metaKeys() []key[Meta] {
	role := []Kind{KindRole}
	process := []Kind{KindProcess}
	ladder := []Kind{KindLadder}
	team := []Kind{KindTeam}
	return []key[Meta]{
		{"title", nil, shapeString,
			`The page title. Required, unless the body starts with a "# heading", which then becomes the title.`,
			func(m *Meta, v value) { m.Title = v.text }},
		{"id", nil, shapeRef,
			`How other pages refer to this one; unique in the handbook. Defaults to the file name without ".md" (the folder name for a landing page, "home" for the home page).`,
			func(m *Meta, v value) { m.ID = v.text }},
		{"kind", nil, shapeKind,
			`What the page describes. Overrides the kind taken from the first folder (roles, processes, ladders, teams); landing pages are plain pages unless they say otherwise.`,
			func(m *Meta, v value) { m.Kind = v.text }},
		{"summary", nil, shapeString,
			`One sentence, shown in indexes and under the title.`,
			func(m *Meta, v value) { m.Summary = v.text }},
		{"draft", nil, shapeBool,
			`Drafts are left out of the site.`,
			func(m *Meta, v value) { m.Draft = v.flag }},
		{"weight", nil, shapeInt,
			`Orders pages in navigation: lower first, then by title.`,
			func(m *Meta, v value) { m.Weight = v.number }},
		{"aliases", nil, shapeAliases,
			`Old URLs ("/old/path/") that redirect to this page.`,
			func(m *Meta, v value) { m.Aliases = v.texts }},
		{"owner", nil, shapeRef,
			`The id of the role that owns the page and keeps it true. On a process page, the role that owns the process.`,
			func(m *Meta, v value) { m.Owner = v.text }},
		{"review_by", nil, shapeDate,
			`The date (2006-01-02) by which the owner reviews the page again. Past it, the build warns and the page is listed as needing review.`,
			func(m *Meta, v value) { m.ReviewBy = v.date }},

		{"reports_to", role, shapeRefOrRefs,
			`Role pages: the id of the role this role reports to. A list means alternatives ("reports to A or B").`,
			func(m *Meta, v value) { m.ReportsTo = v.texts }},
		{"positions", role, shapeCount,
			`Role pages: how many people hold the role, as a number or a range like "2-3". Defaults to 1.`,
			func(m *Meta, v value) { m.Positions = v.count }},
		{"direct_reports", role, shapeCount,
			`Role pages: the span of control the role declares, as a number or a range like "4-6".`,
			func(m *Meta, v value) { m.DirectReports = v.count }},
		{"team", role, shapeRef,
			`Role pages: the id of the team page.`,
			func(m *Meta, v value) { m.Team = v.text }},
		{"skills", role, shapeSkills,
			`Role pages: the skills of the role. A plain list is all required; a mapping splits them into required and preferred.`,
			func(m *Meta, v value) { m.Skills = v.skills }},
		{"external", role, shapeBool,
			`Role pages: a role outside this handbook's team (a VP, the CTO) that exists so that reporting lines end somewhere real.`,
			func(m *Meta, v value) { m.External = v.flag }},
		{"onboarding", []Kind{KindRole, KindTeam}, shapeOnboarding,
			`Role and team pages: a new hire's checklist. Each item is a task, or a mapping with task, link (written like a body link) and when ("week 1"). A team's items come first on the onboarding path of each of its roles.`,
			func(m *Meta, v value) { m.Onboarding = v.items }},
		{"processes", role, shapeDuties,
			`Role pages: what the role does in each process it owns or takes part in, process id → one or two sentences. Shown on the role's onboarding path under the process.`,
			func(m *Meta, v value) { m.Duties = v.duties }},

		{"participants", process, shapeRefs,
			`Process pages: the ids of the roles that take part.`,
			func(m *Meta, v value) { m.Participants = v.texts }},
		{"cadence", process, shapeString,
			`Process pages: how often the process runs: "weekly", "per deployment", ...`,
			func(m *Meta, v value) { m.Cadence = v.text }},

		{"levels", ladder, shapeLevels,
			`Ladder pages: the steps from first to last. Each names a role id, or a title for a step that is not a role ("Technical lead"), or both.`,
			func(m *Meta, v value) { m.Levels = v.levels }},
		{"competencies", ladder, shapeCompetencies,
			`Ladder pages: the level matrix, competency name → level (a role id or title from levels) → what is expected there. A level left out expects what the level below it does.`,
			func(m *Meta, v value) { m.Competencies = v.comps }},

		{"lead", team, shapeRef,
			`Team pages: the id of the role that leads the team.`,
			func(m *Meta, v value) { m.Lead = v.text }},
		{"parent", team, shapeRef,
			`Team pages: the id of the team this one belongs to.`,
			func(m *Meta, v value) { m.Parent = v.text }},
		{"division", team, shapeString,
			`Team pages: the division, as free text.`,
			func(m *Meta, v value) { m.Division = v.text }},
	}
}

// skillKeys returns the keys of the mapping form of skills.
func skillKeys() []key[Skills] {
	return []key[Skills]{
		{"required", nil, shapeStrings, `Skills the role needs.`,
			func(s *Skills, v value) { s.Required = v.texts }},
		{"preferred", nil, shapeStrings, `Skills that help but are not needed.`,
			func(s *Skills, v value) { s.Preferred = v.texts }},
	}
}

// levelKeys returns the keys of one step of a ladder.
func levelKeys() []key[Level] {
	return []key[Level]{
		{"role", nil, shapeRef, `The id of the role at this step.`,
			func(l *Level, v value) { l.Role = v.text }},
		{"title", nil, shapeString, `The name of a step that is not a role, or a name to show instead of the role's title.`,
			func(l *Level, v value) { l.Title = v.text }},
		{"typical", nil, shapeString, `How long people typically stay before the next step: "2-3 years".`,
			func(l *Level, v value) { l.Typical = v.text }},
	}
}
