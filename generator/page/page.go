// Package page turns a Markdown source file into a Page: its kind, its URL
// and its front matter, decoded strictly, with the position of every value.
//
// Front matter may be YAML (between "---" lines), TOML (between "+++" lines)
// or JSON (an object opening the file). All three are read into one tree of
// positioned nodes and then decoded by the same code, so every format gets the
// same checks and the same messages. The keys are documented in package
// generator.
package page

import (
	"strconv"
	"time"

	"github.com/teamhandbook/handbook/generator/diag"
)

// Kind is what a page describes. It decides which front-matter keys the page
// may use and how it is rendered.
type Kind string

const (
	KindPage    Kind = "page"
	KindRole    Kind = "role"
	KindProcess Kind = "process"
	KindLadder  Kind = "ladder"
	KindTeam    Kind = "team"
	KindSkill   Kind = "skill"
)

// Kinds lists every kind, in the order indexes and navigation show them.
var Kinds = []Kind{KindRole, KindTeam, KindProcess, KindLadder, KindSkill, KindPage}

// Page is one content file after its front matter has been decoded.
type Page struct {
	Path     string // slash path from the site root: "content/roles/team-lead.md"
	Rel      string // slash path inside content/: "roles/team-lead.md"
	Landing  bool   // an _index.md, index.md or README.md: its folder's landing page
	URL      string // pretty URL: "/roles/team-lead/", "/roles/" for a landing page
	Kind     Kind
	Title    string // front-matter title, or the first "# heading" (set by the markdown stage)
	Meta     Meta
	Body     []byte // the Markdown after the front matter
	BodyLine int    // the file line on which Body starts, 1-based
}

// BodyPos converts a 1-based line and column inside Body to a file position.
func (p *Page) BodyPos(line, col int) diag.Position {
	return diag.Position{File: p.Path, Line: p.BodyLine + line - 1, Col: col}
}

// Text is a string from front matter with where it was written.
type Text struct {
	Value string
	Pos   diag.Position
}

// Date is a calendar date from front matter with where it was written.
type Date struct {
	Time time.Time // midnight UTC; zero when the key was absent
	Pos  diag.Position
}

// String formats d as "2006-01-02".
func (d Date) String() string { return d.Time.Format(time.DateOnly) }

// Range is a count written as a number ("2") or a range ("2-3").
type Range struct {
	Min, Max int
	Set      bool // false when the key was absent
	Pos      diag.Position
}

// String formats r as "2" or "2-3".
func (r Range) String() string {
	if r.Min == r.Max {
		return strconv.Itoa(r.Min)
	}
	return strconv.Itoa(r.Min) + "-" + strconv.Itoa(r.Max)
}

// Level is one step of a career ladder: a role, or a named step that is not a
// role (Title only).
type Level struct {
	Role    Text
	Title   Text
	Typical Text // how long people typically stay before the next step
	Pos     diag.Position
}

// Skills are a role's skills, split into required and preferred. A plain list
// in front matter means all required.
type Skills struct {
	Required  []Text
	Preferred []Text
}

// Meta is the decoded front matter. Keys that do not apply to the page's kind
// are rejected while decoding, so at most one kind's group below is set.
type Meta struct {
	// Every page.
	Title    Text
	ID       Text // defaults to the file name without ".md" (the folder's name for a landing page)
	Kind     Text // overrides the kind taken from the first folder
	Summary  Text
	Draft    bool
	Weight   int
	Aliases  []Text
	Owner    Text // a role id; on a process page, the process's owner
	ReviewBy Date

	// Roles.
	ReportsTo     []Text // several ids mean alternatives: "reports to A or B"
	Positions     Range  // how many people hold the role; 1 when not set
	DirectReports Range  // the span the role declares
	Team          Text
	Skills        Skills
	External      bool
	Onboarding    []OnboardingItem // roles and teams: a team's items are its roles' too
	Duties        []Duty           // what the role does in each of its processes

	// Processes.
	Participants []Text
	Cadence      Text

	// Ladders.
	Levels       []Level
	Competencies []Competency

	// Teams.
	Lead     Text
	Parent   Text
	Division Text
}
