package generator_test

import (
	"context"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/teamhandbook/handbook"
	"github.com/teamhandbook/handbook/generator"
)

// site is a handbook built from a txtar archive, the way Hugo's integration
// tests work: the whole input is visible in the test.
type site struct {
	t    *testing.T
	dest string
	rep  *generator.Report
	err  error
}

// build builds the files of archive (content/..., templates/..., ...) into a
// temporary folder.
func build(t *testing.T, archive string, opts ...func(*generator.Config)) *site {
	t.Helper()
	return buildInto(t, filepath.Join(t.TempDir(), "public"), archive, opts...)
}

func buildInto(t *testing.T, dest, archive string, opts ...func(*generator.Config)) *site {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, f := range txtar.Parse([]byte(archive)).Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	cfg := generator.Config{
		Site:      fsys,
		Templates: handbook.Templates(),
		Assets:    handbook.Assets(),
		Dest:      dest,
	}
	for _, o := range opts {
		o(&cfg)
	}
	rep, err := generator.Build(context.Background(), cfg)
	return &site{t: t, dest: dest, rep: rep, err: err}
}

func strict(c *generator.Config) { c.Strict = true }

// ok fails the test unless the build succeeded.
func (s *site) ok() *site {
	s.t.Helper()
	if s.err != nil {
		s.t.Fatalf("build failed: %v\n%s", s.err, s.rep.Diagnostics)
	}
	return s
}

// diagnostics asserts the exact diagnostics, in order.
func (s *site) diagnostics(want ...string) *site {
	s.t.Helper()
	got := strings.TrimSuffix(s.rep.Diagnostics.String(), "\n")
	if w := strings.Join(want, "\n"); got != w {
		s.t.Errorf("diagnostics:\n%s\nwant:\n%s", got, w)
	}
	for _, d := range s.rep.Diagnostics {
		if d.Rule == "" {
			s.t.Errorf("%s has no rule id: report it with diags.Rule(...), and list the rule in README", d)
		}
	}
	return s
}

// fails asserts that the build failed because of the content, and wrote
// nothing.
func (s *site) fails() *site {
	s.t.Helper()
	if !errors.Is(s.err, generator.ErrContent) {
		s.t.Fatalf("build error = %v; want ErrContent", s.err)
	}
	if _, err := os.Stat(s.dest); !errors.Is(err, os.ErrNotExist) {
		s.t.Errorf("a failed build created %s", s.dest)
	}
	return s
}

// file returns a written file, failing the test if it is missing.
func (s *site) file(name string) string {
	s.t.Helper()
	b, err := os.ReadFile(filepath.Join(s.dest, name))
	if err != nil {
		s.t.Fatalf("output file: %v", err)
	}
	return string(b)
}

// contains asserts that a written file holds every line of want as a
// substring; a line starting with "! " must not be there. Pages link to
// each other relatively ("../../roles/x/"); want names the targets as the
// browser resolves them ("/roles/x/", with the base path in front), so
// that tests read as site URLs whatever the page's depth.
func (s *site) contains(name string, want ...string) *site {
	s.t.Helper()
	got := s.linked(name)
	for _, w := range want {
		if neg, ok := strings.CutPrefix(w, "! "); ok {
			if strings.Contains(got, neg) {
				s.t.Errorf("%s contains %q; want it absent", name, neg)
			}
			continue
		}
		if !strings.Contains(got, w) {
			s.t.Errorf("%s does not contain %q", name, w)
		}
	}
	return s
}

// linked returns a written page with its links resolved as contains
// describes.
func (s *site) linked(name string) string {
	s.t.Helper()
	return resolveLinks(s.file(name), s.rep.BasePath+name)
}

// resolveLinks rewrites the relative link attributes of the page served at
// at to the absolute paths a browser follows.
func resolveLinks(html, at string) string {
	page, err := url.Parse("http://site" + at)
	if err != nil {
		panic(err)
	}
	return linkAttr.ReplaceAllStringFunc(html, func(m string) string {
		sub := linkAttr.FindStringSubmatch(m)
		v := sub[2]
		if v == "" || strings.HasPrefix(v, "/") || strings.HasPrefix(v, "#") || strings.Contains(v, ":") {
			return m
		}
		u, err := url.Parse(v)
		if err != nil {
			return m
		}
		r := page.ResolveReference(u)
		r.Scheme, r.Host = "", ""
		return sub[1] + r.String() + `"`
	})
}

var linkAttr = regexp.MustCompile(`( (?:href|src|action)=")([^"]*)"`)

func (s *site) missing(name string) *site {
	s.t.Helper()
	if _, err := os.Stat(filepath.Join(s.dest, name)); err == nil {
		s.t.Errorf("%s was written; want it absent", name)
	}
	return s
}
