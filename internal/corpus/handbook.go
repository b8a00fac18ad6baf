package corpus

import (
	"bytes"
	"fmt"
	"iter"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing/fstest"
)

// MinPages is the smallest handbook Handbook generates: below it the
// reporting tree, teams and ladders would not all fit.
const MinPages = 40

// Handbook generates a realistic handbook of n pages (at least MinPages)
// in memory; see Pages.
func Handbook(n int) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range Pages(n) {
		fsys[name] = &fstest.MapFile{Data: data}
	}
	return fsys
}

// WriteHandbook writes Handbook(n) under dir, one file at a time, so that
// a 100,000-page handbook (half a gigabyte) is never held in memory.
func WriteHandbook(dir string, n int) error {
	made := map[string]bool{}
	for name, data := range Pages(n) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if d := filepath.Dir(p); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			made[d] = true
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Pages yields the files of a generated handbook of n pages (at least
// MinPages), in a fixed order, each a function of n and its place only:
// the same n gives the same bytes on every run and machine.
//
// The handbook is shaped like a large real one, so that a benchmark
// spends its time where a real build does: a tenth of the pages are roles
// in a reporting tree with a fan-out of five, grouped into teams led by
// the managers; there are processes with owners and participants, career
// ladders whose levels climb the reporting lines, skills, and folder
// landing pages; the rest are guides in folders of 50. Every page has
// five to eight sections with paragraphs, lists and tables, links to
// other pages and to their headings, and about a third of sections hold a
// code block in one of eleven languages, generated afresh for each page.
// A page is about 4.8 KB: 10,000 pages are about 48 MB of Markdown.
func Pages(n int) iter.Seq2[string, []byte] {
	pl := newPlan(n)
	return func(yield func(string, []byte) bool) {
		var b bytes.Buffer
		for _, p := range pl.all() {
			b.Reset()
			pl.page(&b, p)
			if !yield(p.file(), bytes.Clone(b.Bytes())) {
				return
			}
		}
	}
}

// The kinds of generated page.
const (
	kHome = iota
	kLanding
	kRole
	kProcess
	kTeam
	kLadder
	kSkill
	kGuide
	kFolder // a guide folder's landing page
)

// sections are the top-level folders, in the order of kinds above (their
// landing pages are kLanding with i the index here).
var sections = []string{"roles", "processes", "teams", "ladders", "skills", "guides"}

// ref names one generated page: its kind and its number within the kind.
type ref struct{ kind, i int }

func (p ref) seed() uint64 { return uint64(p.kind+16)<<32 | uint64(p.i) }

// file is the page's path in the site.
func (p ref) file() string {
	switch p.kind {
	case kHome:
		return "content/_index.md"
	case kLanding:
		return "content/" + sections[p.i] + "/_index.md"
	case kRole:
		return fmt.Sprintf("content/roles/role-%d.md", p.i)
	case kProcess:
		return fmt.Sprintf("content/processes/process-%d.md", p.i)
	case kTeam:
		return fmt.Sprintf("content/teams/team-%d.md", p.i)
	case kLadder:
		return fmt.Sprintf("content/ladders/ladder-%d.md", p.i)
	case kSkill:
		return fmt.Sprintf("content/skills/skill-%d.md", p.i)
	case kFolder:
		return fmt.Sprintf("content/guides/area-%d/_index.md", p.i)
	default:
		return fmt.Sprintf("content/guides/area-%d/topic-%d.md", p.i/guidesPerFolder, p.i)
	}
}

// id is the page's id, how front matter refers to it.
func (p ref) id() string { return strings.TrimSuffix(path.Base(p.file()), ".md") }

// link is the relative link from page from to p, as written in Markdown.
func (p ref) link(from ref) string {
	up := strings.Repeat("../", strings.Count(from.file(), "/")-1)
	return up + strings.TrimPrefix(p.file(), "content/")
}

const guidesPerFolder = 50

// plan is how many pages of each kind a handbook of n pages has.
type plan struct {
	n, roles, procs, teams, ladders, skills, folders, guides int
}

func newPlan(n int) plan {
	n = max(n, MinPages)
	pl := plan{n: n, roles: n / 10, procs: n * 8 / 100, skills: min(30, max(4, n/300))}
	pl.teams = max(2, pl.roles/20)
	pl.ladders = max(2, pl.roles/40)
	rest := n - 1 - len(sections) - pl.roles - pl.procs - pl.teams - pl.ladders - pl.skills
	// rest = guides + one landing page per folder of guidesPerFolder.
	pl.folders = (rest + guidesPerFolder) / (guidesPerFolder + 1)
	pl.guides = rest - pl.folders
	return pl
}

func (pl plan) count(kind int) int {
	switch kind {
	case kHome:
		return 1
	case kLanding:
		return len(sections)
	case kRole:
		return pl.roles
	case kProcess:
		return pl.procs
	case kTeam:
		return pl.teams
	case kLadder:
		return pl.ladders
	case kSkill:
		return pl.skills
	case kGuide:
		return pl.guides
	default:
		return pl.folders
	}
}

func (pl plan) all() []ref {
	refs := make([]ref, 0, pl.n)
	for kind := kHome; kind <= kFolder; kind++ {
		for i := range pl.count(kind) {
			refs = append(refs, ref{kind, i})
		}
	}
	return refs
}

// manager is the role role i reports to: a tree with a fan-out of five.
func manager(i int) int { return (i - 1) / 5 }

// team is the team whose lead role i is, or -1: the first managers lead
// teams, and a team's parent is led by its lead's manager.
func (pl plan) team(role int) int {
	if role < pl.teams {
		return role
	}
	return -1
}

// ladderRoles are the roles on ladder l, from first level to last: a role
// deep in the tree and the managers above it.
func (pl plan) ladderRoles(l int) []int {
	r := pl.roles - 1 - (l*7)%max(1, pl.roles/2)
	rs := []int{r}
	for len(rs) < 4 && r > 0 {
		r = manager(r)
		rs = append(rs, r)
	}
	return rs
}

// headings are the headings of a page's sections, distinct as ids: the
// first sectionCount(seed) are its "##" sections, the next ones its "###".
// Links to a page's headings use the first four, which every page has.
func headingsOf(seed uint64) []string {
	r := rng(seed*40503 + 7)
	var hs, slugs []string
	for len(hs) < 12 {
		h := title(vocabulary[r.zipf(len(vocabulary))]) + " " + vocabulary[r.zipf(len(vocabulary))]
		if s := slug(h); !slices.Contains(slugs, s) {
			hs, slugs = append(hs, h), append(slugs, s)
		}
	}
	return hs
}

func sectionCount(seed uint64) int { return 5 + int(seed*2654435761>>7)%4 }

// pick chooses a page to link to: roles and processes most often, as in
// a real handbook, then guides.
func (pl plan) pick(r *rng) ref {
	switch k := r.next() % 10; {
	case k < 3:
		return ref{kRole, r.next() % pl.roles}
	case k < 5:
		return ref{kProcess, r.next() % pl.procs}
	case k < 6:
		return ref{[]int{kTeam, kLadder, kSkill}[r.next()%3], 0}.within(pl, r)
	default:
		return ref{kGuide, r.next() % pl.guides}
	}
}

func (p ref) within(pl plan, r *rng) ref { p.i = r.next() % pl.count(p.kind); return p }

// anchor is a Markdown link to a heading of page to, from page from.
func anchor(from, to ref, r *rng) string {
	h := headingsOf(to.seed())[r.next()%4]
	return fmt.Sprintf("[%s](%s#%s)", strings.ToLower(h), to.link(from), slug(h))
}

// page writes page p: front matter, then its body.
func (pl plan) page(b *bytes.Buffer, p ref) {
	r := rng(p.seed()*2654435761 + 3)
	b.WriteString("---\n")
	fmt.Fprintf(b, "title: %q\n", pl.title(p))
	fmt.Fprintf(b, "summary: %q\n", strings.TrimSpace(sentence(&r)))
	pl.frontMatter(b, p, &r)
	b.WriteString("---\n\n")
	pl.body(b, p, &r)
}

func (pl plan) title(p ref) string {
	h := headingsOf(p.seed() ^ 0x5bd1e995)
	switch p.kind {
	case kHome:
		return "Generated Handbook"
	case kLanding:
		return title(sections[p.i])
	case kRole:
		return fmt.Sprintf("%s %s %d", h[0], []string{"Engineer", "Lead", "Manager", "Analyst", "Specialist"}[p.i%5], p.i)
	case kProcess:
		return fmt.Sprintf("%s Process %d", h[0], p.i)
	case kTeam:
		return fmt.Sprintf("%s Team %d", h[0], p.i)
	case kLadder:
		return fmt.Sprintf("%s Ladder %d", h[0], p.i)
	case kSkill:
		return fmt.Sprintf("%s %d", h[0], p.i)
	case kFolder:
		return fmt.Sprintf("Area %d", p.i)
	default:
		return fmt.Sprintf("%s Guide %d", h[0], p.i)
	}
}

var whens = []string{"day 1", "week 1", "week 2", "month 1", "month 3", "quarter 2"}

func (pl plan) frontMatter(b *bytes.Buffer, p ref, r *rng) {
	switch p.kind {
	case kLanding, kFolder:
		fmt.Fprintf(b, "weight: %d\n", p.i+1)
	case kRole:
		if p.i > 0 {
			fmt.Fprintf(b, "reports_to: role-%d\n", manager(p.i))
		}
		fmt.Fprintf(b, "positions: %d\n", 1+r.next()%3)
		if t := pl.team(p.i); t >= 0 {
			fmt.Fprintf(b, "team: team-%d\n", t)
		}
		s := r.next() % pl.skills
		fmt.Fprintf(b, "skills:\n  required:\n    - skill-%d\n    - skill-%d\n  preferred:\n    - skill-%d\n",
			s, (s+1)%pl.skills, (s+2)%pl.skills)
		// A role owns process p when p ≡ role (mod roles): it says what it
		// does in the first of them.
		if p.i < pl.procs {
			fmt.Fprintf(b, "processes:\n  process-%d: %q\n", p.i, strings.TrimSpace(sentence(r)))
		}
		if p.i%4 == 0 {
			b.WriteString("onboarding:\n")
			for k := range 2 + r.next()%3 {
				to := pl.pick(r)
				fmt.Fprintf(b, "  - task: %q\n    link: %s\n    when: %s\n", strings.TrimSpace(sentence(r)), to.link(p), whens[(k+r.next()%2)%len(whens)])
			}
		}
	case kProcess:
		owner := p.i % pl.roles
		fmt.Fprintf(b, "owner: role-%d\nparticipants:\n", owner)
		for _, role := range participants(owner, pl.roles, 2+r.next()%3) {
			fmt.Fprintf(b, "  - role-%d\n", role)
		}
		fmt.Fprintf(b, "cadence: %s\n", []string{"weekly", "per deployment", "monthly", "24/7 on-call rotation", "quarterly"}[r.next()%5])
	case kTeam:
		fmt.Fprintf(b, "lead: role-%d\n", p.i)
		if p.i > 0 {
			fmt.Fprintf(b, "parent: team-%d\n", manager(p.i))
		}
		fmt.Fprintf(b, "division: Division %d\nonboarding:\n", p.i%7)
		for k := range 2 + r.next()%2 {
			to := pl.pick(r)
			fmt.Fprintf(b, "  - task: %q\n    link: %s\n    when: %s\n", strings.TrimSpace(sentence(r)), to.link(p), whens[k])
		}
	case kLadder:
		roles := pl.ladderRoles(p.i)
		b.WriteString("levels:\n")
		for k, role := range roles {
			fmt.Fprintf(b, "  - role: role-%d\n", role)
			if k > 0 {
				fmt.Fprintf(b, "    typical: \"%d-%d years\"\n", k+1, k+3)
			}
		}
		b.WriteString("competencies:\n")
		for _, c := range []string{"Technical skills", "Operations", "People and collaboration"} {
			fmt.Fprintf(b, "  %s:\n", c)
			for _, role := range roles {
				fmt.Fprintf(b, "    role-%d: %q\n", role, strings.TrimSpace(sentence(r)))
			}
		}
	}
}

// body writes an introduction and the sections of page p.
func (pl plan) body(b *bytes.Buffer, p ref, r *rng) {
	paragraph(b, r, 2+r.next()%2, anchor(p, pl.pick(r), r))
	hs := headingsOf(p.seed())
	nsec := sectionCount(p.seed())
	sub := nsec
	for s := range nsec {
		fmt.Fprintf(b, "## %s\n\n", hs[s])
		var link string
		if r.next()%3 != 0 {
			link = anchor(p, pl.pick(r), r)
		}
		paragraph(b, r, 1+r.next()%3, link)
		switch r.next() % 10 {
		case 0, 1, 2, 3:
			pl.list(b, p, r)
		case 4, 5:
			pl.table(b, p, r)
		case 6:
			fmt.Fprintf(b, "> **Note:** %s\n\n", strings.TrimSpace(sentence(r)))
		}
		// A third of sections, chosen by the page's own numbers, so that
		// the fraction holds at every size.
		if (s+int(p.seed()%3))%3 == 0 {
			paragraph(b, r, 1, "")
			codeBlock(b, r)
		}
		if sub < len(hs) && r.next()%5 == 0 {
			fmt.Fprintf(b, "### %s\n\n", hs[sub])
			sub++
			paragraph(b, r, 1+r.next()%2, "")
		}
	}
}

// paragraph writes k sentences, one with inline code, and link, when not
// empty, in a sentence of its own.
func paragraph(b *bytes.Buffer, r *rng, k int, link string) {
	for j := range k {
		s := sentence(r)
		if j == 1 {
			s = strings.Replace(s, " ", fmt.Sprintf(" `%s` ", identifier(r)), 1)
		}
		b.WriteString(s)
	}
	if link != "" {
		fmt.Fprintf(b, "See %s for the %s service.", link, service(r))
	}
	b.WriteString("\n\n")
}

func (pl plan) list(b *bytes.Buffer, p ref, r *rng) {
	for k := range 3 + r.next()%4 {
		s := strings.TrimSuffix(sentence(r), ". ")
		switch k % 3 {
		case 0:
			fmt.Fprintf(b, "- **%s**: %s\n", title(vocabulary[r.zipf(40)]), s)
		case 1:
			fmt.Fprintf(b, "- %s, as in %s\n", s, anchor(p, pl.pick(r), r))
		default:
			fmt.Fprintf(b, "- %s\n", s)
		}
	}
	b.WriteString("\n")
}

func (pl plan) table(b *bytes.Buffer, p ref, r *rng) {
	b.WriteString("| Metric | Target | Owner | Notes |\n|:--|--:|:--|:--|\n")
	for range 3 + r.next()%4 {
		owner := ref{kRole, r.next() % pl.roles}
		fmt.Fprintf(b, "| %s %s | %d %s | [role %d](%s) | %s |\n",
			title(vocabulary[r.zipf(len(vocabulary))]), vocabulary[r.zipf(len(vocabulary))],
			1+r.next()%999, []string{"ms", "%", "per day", "hours", "GB"}[r.next()%5],
			owner.i, owner.link(p), strings.TrimSuffix(sentence(r), ". "))
	}
	b.WriteString("\n")
}

// identifier is a made-up identifier of two vocabulary words.
func identifier(r *rng) string {
	w := func() string { return strings.ReplaceAll(vocabulary[r.zipf(len(vocabulary))], "-", "") }
	return w() + title(w())
}

// participants are k roles other than owner, distinct.
func participants(owner, roles, k int) []int {
	var ps []int
	for step := 1; len(ps) < k && step < roles; step++ {
		if q := (owner + step*37) % roles; q != owner && !slices.Contains(ps, q) {
			ps = append(ps, q)
		}
	}
	return ps
}
