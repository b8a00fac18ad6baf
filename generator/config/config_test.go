package config

import (
	"testing"
	"testing/fstest"
)

func TestLoad(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       Site
		diags      string
	}{
		{"absent", "", Default, ""},
		{"all keys", "title: T\nbase_url: https://x.example/hb/\nedit_url: https://github.com/o/r/edit/main/\nunsafe_html: true\n",
			Site{Title: "T", BaseURL: "https://x.example/hb/", EditURL: "https://github.com/o/r/edit/main/", UnsafeHTML: true}, ""},
		{"unknown key", "title: T\ntheme: dark\n", Site{Title: "T"},
			"handbook.yaml:2:1: error: unknown key \"theme\" in handbook.yaml (known: title, base_url, edit_url, repository, branch, unsafe_html)\n"},
		{"wrong type", "title: [a]\n", Site{Title: ""}, "handbook.yaml:1:8: error: title must be a string\n"},
		{"relative base", "base_url: /hb/\n", Site{Title: "Handbook", BaseURL: "/hb/"},
			"handbook.yaml:1:11: error: base_url must be an absolute URL like \"https://handbook.example.com/\"\n"},
		{"bad yaml", "title: [\n", Default, "handbook.yaml:1: error: invalid YAML: did not find expected node content\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			if tt.yaml != "" {
				fsys[File] = &fstest.MapFile{Data: []byte(tt.yaml)}
			}
			got, diags, err := Load(fsys)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("Load() = %+v; want %+v", got, tt.want)
			}
			if d := diags.String(); d != tt.diags {
				t.Errorf("diagnostics = %q; want %q", d, tt.diags)
			}
		})
	}
}

func TestBasePath(t *testing.T) {
	for base, want := range map[string]string{"": "/", "https://x.example": "/", "https://x.example/hb": "/hb/", "https://o.github.io/repo/": "/repo/"} {
		if got := (Site{BaseURL: base}).BasePath(); got != want {
			t.Errorf("BasePath(%q) = %q; want %q", base, got, want)
		}
	}
}

func TestEditPrefix(t *testing.T) {
	tests := []struct {
		site Site
		want string
	}{
		{Site{}, ""},
		{Site{Repository: "https://github.com/org/hb"}, "https://github.com/org/hb/edit/main/"},
		{Site{Repository: "https://github.com/org/hb/", Branch: "trunk"}, "https://github.com/org/hb/edit/trunk/"},
		{Site{Repository: "https://github.com/org/hb", EditURL: "https://x/edit/"}, "https://x/edit/"},
	}
	for _, tt := range tests {
		if got := tt.site.EditPrefix(""); got != tt.want {
			t.Errorf("%+v.EditPrefix(\"\") = %q; want %q", tt.site, got, tt.want)
		}
	}
	// A site in a subfolder of its repository: the repository's addresses
	// start at its root; edit_url is the user's own and taken as written.
	sub := []struct {
		site Site
		want string
	}{
		{Site{Repository: "https://github.com/org/hb"}, "https://github.com/org/hb/edit/main/docs/handbook/"},
		{Site{Repository: "https://github.com/org/hb", EditURL: "https://x/edit/"}, "https://x/edit/"},
	}
	for _, tt := range sub {
		if got := tt.site.EditPrefix("docs/handbook/"); got != tt.want {
			t.Errorf("%+v.EditPrefix(docs/handbook/) = %q; want %q", tt.site, got, tt.want)
		}
	}
}
