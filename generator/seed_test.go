package generator_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/teamhandbook/handbook"
	"github.com/teamhandbook/handbook/generator"
)

// buildSeed builds the repository's own handbook, strictly.
func buildSeed(t *testing.T) *site {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	rep, err := generator.Build(context.Background(), generator.Config{
		Site:      os.DirFS(".."),
		Templates: handbook.Templates(),
		Assets:    handbook.Assets(),
		Dest:      dest,
		Strict:    true,
	})
	return (&site{t: t, dest: dest, rep: rep, err: err}).ok()
}

// section returns the part of html from the section whose heading has id
// to the end of that section.
func section(html, id string) string {
	i := strings.Index(html, `<h2 id="`+id+`"`)
	if i < 0 {
		return ""
	}
	html = html[i:]
	if j := strings.Index(html, "</section>"); j >= 0 {
		html = html[:j]
	}
	return html
}

var seedRoles = []string{
	"team-lead-serverless-architecture",
	"senior-serverless-developer",
	"serverless-developer",
	"cloud-security-specialist",
	"devops-engineer-serverless-operations",
}

// TestSeedOnboardingFitsEachRole checks that the seed's onboarding paths say
// what each role does in each of its processes, and that no role inherits
// an item that is not true for it.
func TestSeedOnboardingFitsEachRole(t *testing.T) {
	s := buildSeed(t)
	processes := regexp.MustCompile(`<li><a href="/processes/`)
	for _, role := range seedRoles {
		html := s.linked("onboarding/" + role + "/index.html")
		procs := section(html, "hb-processes")
		if n, does := len(processes.FindAllString(procs, -1)), strings.Count(procs, `<p class="does">`); n == 0 || n != does {
			t.Errorf("%s: %d processes, %d with what the role does in it", role, n, does)
		}
		list := section(html, "hb-checklist")
		if strings.Contains(list, `href="/roles/`+role+`/"`) {
			t.Errorf("%s: the checklist sends the role to its own page as someone else's", role)
		}
		if n := strings.Count(list, "on-call"); n > 1 {
			t.Errorf("%s: the checklist tells of the on-call rotation %d times; want once", role, n)
		}
		if (role == "team-lead-serverless-architecture" || role == "cloud-security-specialist" || role == "devops-engineer-serverless-operations") &&
			strings.Contains(list, "the next one") {
			t.Errorf("%s: told to read the next level of a ladder it is not below", role)
		}
		if role != "serverless-developer" && strings.Contains(list, "Ask for a mentor") {
			t.Errorf("%s: told to ask for a mentor; the mentorship program pairs senior with junior members", role)
		}
		for _, want := range []string{"annual conference attendance budget", "annual competency assessment", "deployment frequency"} {
			if !strings.Contains(list, want) {
				t.Errorf("%s: the checklist does not mention %q", role, want)
			}
		}
	}
	s.contains("onboarding/serverless-developer/index.html", "Develop or maintain the CI/CD pipeline of a serverless application")
	s.contains("onboarding/senior-serverless-developer/index.html", "leadership development programs for senior roles")
}

// TestSeedLadderCompetencies checks the seed's competencies carry what the
// seed document says of growth: CI/CD pipelines from the first level,
// deployment frequency at the top, leadership development from the senior
// level on.
func TestSeedLadderCompetencies(t *testing.T) {
	html := buildSeed(t).linked("ladders/serverless-engineering/index.html")
	matrix := section(html, "hb-matrix")
	for _, want := range []string{
		"develops and maintains their CI/CD pipelines",
		"multiple deployments per day",
		"annual conference attendance budget",
		"annual competency assessments",
	} {
		if !strings.Contains(matrix, want) {
			t.Errorf("the matrix does not mention %q", want)
		}
	}
	learning := matrix[strings.Index(matrix, `<th scope="row">Learning</th>`):]
	learning = learning[:strings.Index(learning, "</tr>")]
	cells := strings.Split(learning, "<td")[1:]
	if len(cells) != 4 {
		t.Fatalf("Learning row has %d cells; want 4", len(cells))
	}
	for i, c := range cells {
		if has := strings.Contains(c, "leadership development programs"); has != (i > 0) {
			t.Errorf("Learning at level %d: leadership development programs %v; want them from the senior level on", i+1, has)
		}
	}
}
