package page

import "testing"

func TestDerive(t *testing.T) {
	for _, c := range []struct {
		path    string
		src     string
		rel     string
		landing bool
		url     string
		kind    Kind
		id      string
	}{
		{"content/roles/team-lead.md", "", "roles/team-lead.md", false, "/roles/team-lead/", KindRole, "team-lead"},
		{"content/processes/incident-response.md", "", "processes/incident-response.md", false, "/processes/incident-response/", KindProcess, "incident-response"},
		{"content/ladders/engineering.md", "", "ladders/engineering.md", false, "/ladders/engineering/", KindLadder, "engineering"},
		{"content/teams/platform.md", "", "teams/platform.md", false, "/teams/platform/", KindTeam, "platform"},
		{"content/guides/onboarding.md", "", "guides/onboarding.md", false, "/guides/onboarding/", KindPage, "onboarding"},
		{"content/about.md", "", "about.md", false, "/about/", KindPage, "about"},
		{"content/roles/backend/senior.md", "", "roles/backend/senior.md", false, "/roles/backend/senior/", KindRole, "senior"},
		{"content/Roles/x.md", "", "Roles/x.md", false, "/Roles/x/", KindPage, "x"},
		{"content/roles.md", "", "roles.md", false, "/roles/", KindPage, "roles"},

		{"content/roles/_index.md", "", "roles/_index.md", true, "/roles/", KindPage, "roles"},
		{"content/roles/backend/README.md", "", "roles/backend/README.md", true, "/roles/backend/", KindPage, "backend"},
		{"content/teams/index.md", "", "teams/index.md", true, "/teams/", KindPage, "teams"},
		{"content/_index.md", "", "_index.md", true, "/", KindPage, "home"},
		{"content/index.md", "", "index.md", true, "/", KindPage, "home"},
		{"content/README.md", "", "README.md", true, "/", KindPage, "home"},
		{"content/readme.md", "", "readme.md", false, "/readme/", KindPage, "readme"},
		{"content/roles/Index.md", "", "roles/Index.md", false, "/roles/Index/", KindRole, "Index"},

		{"content/misc/cto.md", "---\nkind: role\n---\n", "misc/cto.md", false, "/misc/cto/", KindRole, "cto"},
		{"content/roles/_index.md", "---\nkind: team\nid: all-roles\n---\n", "roles/_index.md", true, "/roles/", KindTeam, "all-roles"},
		{"content/roles/x.md", "---\nkind: page\n---\n", "roles/x.md", false, "/roles/x/", KindPage, "x"},
		{"content/roles/x.md", "---\nkind: nonsense\nid: ''\n---\n", "roles/x.md", false, "/roles/x/", KindRole, "x"},
	} {
		p, _ := Parse(c.path, []byte(c.src))
		if p.Path != c.path || p.Rel != c.rel || p.Landing != c.landing || p.URL != c.url || p.Kind != c.kind || p.Meta.ID.Value != c.id {
			t.Errorf("%s %q: got rel %q, landing %v, url %q, kind %q, id %q; want %q, %v, %q, %q, %q",
				c.path, c.src, p.Rel, p.Landing, p.URL, p.Kind, p.Meta.ID.Value, c.rel, c.landing, c.url, c.kind, c.id)
		}
	}
}
