package history

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// repo makes a git repository in a temporary folder with the site in
// site/, and returns a function that commits files as an author at a date.
func repo(t *testing.T) (root string, commit func(author, date string, files map[string]string)) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	root = t.TempDir()
	git := func(env []string, args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = root
		cmd.Env = append(os.Environ(), env...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git(nil, "init", "-q", "-b", "main")
	return root, func(author, date string, files map[string]string) {
		t.Helper()
		for name, data := range files {
			p := filepath.Join(root, "site", name)
			if data == "" {
				os.Remove(p)
				continue
			}
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		git(nil, "add", "-A")
		env := []string{
			"GIT_AUTHOR_NAME=" + author, "GIT_AUTHOR_EMAIL=a@example.com", "GIT_AUTHOR_DATE=" + date,
			"GIT_COMMITTER_NAME=" + author, "GIT_COMMITTER_EMAIL=a@example.com", "GIT_COMMITTER_DATE=" + date,
		}
		git(env, "commit", "-q", "-m", "change")
	}
}

// countGit puts a git in front of the real one that logs each invocation's
// first argument, and returns a function listing them.
func countGit(t *testing.T) func() []string {
	t.Helper()
	real, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git is not installed")
	}
	bin := t.TempDir()
	logFile := filepath.Join(bin, "calls")
	script := "#!/bin/sh\necho \"$1\" >> '" + logFile + "'\nexec '" + real + "' \"$@\"\n"
	if err := os.WriteFile(filepath.Join(bin, "git"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	return func() []string {
		b, _ := os.ReadFile(logFile)
		return strings.Fields(string(b))
	}
}

func TestChangesReadsTheWholeSiteInOneGitLog(t *testing.T) {
	root, commit := repo(t)
	commit("Ann Example", "2024-03-01T10:00:00Z", map[string]string{
		"content/a.md":       "a",
		"content/roles/b.md": "b",
		"handbook.yaml":      "title: x",
		"../outside.md":      "not in the site",
	})
	commit("Bob Example", "2024-05-02T11:30:00Z", map[string]string{"content/a.md": "a2"})
	if err := os.WriteFile(filepath.Join(root, "site", "content", "new.md"), []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	calls := countGit(t)

	got, err := Changes(context.Background(), filepath.Join(root, "site"))
	if err != nil {
		t.Fatal(err)
	}
	ann := Change{Date: time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC), Author: "Ann Example"}
	bob := Change{Date: time.Date(2024, 5, 2, 11, 30, 0, 0, time.UTC), Author: "Bob Example"}
	want := map[string]Change{"content/a.md": bob, "content/roles/b.md": ann, "handbook.yaml": ann}
	if len(got) != len(want) {
		t.Errorf("Changes = %v; want %v", got, want)
	}
	for name, w := range want {
		if g := got[name]; !g.Date.Equal(w.Date) || g.Author != w.Author {
			t.Errorf("Changes[%s] = %v; want %v", name, g, w)
		}
	}
	if all := calls(); len(all) != 1 || all[0] != "log" {
		t.Errorf("git was run as %v; want exactly one git log for the whole site", all)
	}
}

// TestChangesWithoutHistory: outside a checkout there is no history, and a
// repository without commits yet has none either; neither is an error to
// warn about on every build, and each costs one git process.
func TestChangesWithoutHistory(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	outside := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(outside))
	t.Setenv("LANG", "de_DE.UTF-8") // git's messages are read in English whatever the locale
	calls := countGit(t)
	if got, err := Changes(context.Background(), outside); !errors.Is(err, ErrNoRepository) || got != nil {
		t.Errorf("Changes outside a checkout = %v, %v; want ErrNoRepository", got, err)
	}
	fresh, _ := repo(t) // git init, no commit
	if err := os.MkdirAll(filepath.Join(fresh, "site", "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	before := len(calls())
	got, err := Changes(context.Background(), filepath.Join(fresh, "site"))
	if err != nil || got == nil || len(got) != 0 {
		t.Errorf("Changes in a repository without commits = %v, %v; want an empty map and no error", got, err)
	}
	if n := len(calls()) - before; n != 1 {
		t.Errorf("git was run %d times; want 1", n)
	}
}

// TestGitKeepsTheUsersConfiguration: configuration given in the
// environment (safe.directory for a checkout owned by another user, in CI)
// must reach git; handbook once replaced it with its own.
func TestGitKeepsTheUsersConfiguration(t *testing.T) {
	root, commit := repo(t)
	commit("Ann", "2024-03-01T10:00:00Z", map[string]string{"content/a.md": "a"})
	// An alias only the environment defines: if handbook's git sees it,
	// the user's GIT_CONFIG_* arrived intact.
	t.Setenv("GIT_CONFIG_COUNT", "1")
	t.Setenv("GIT_CONFIG_KEY_0", "log.showSignature")
	t.Setenv("GIT_CONFIG_VALUE_0", "not-a-boolean")
	_, err := Changes(context.Background(), filepath.Join(root, "site"))
	if err == nil || !strings.Contains(err.Error(), "log.showsignature") {
		t.Errorf("Changes with a bad log.showSignature in GIT_CONFIG_*: %v; want git to have read it and refused", err)
	}
}

func TestOpenOutsideACheckout(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	if _, err := Open(context.Background(), dir); !errors.Is(err, ErrNoRepository) {
		t.Errorf("Open outside a checkout: %v; want ErrNoRepository", err)
	}
}

func TestSiteReadsARevisionWithoutTouchingTheWorkingTree(t *testing.T) {
	root, commit := repo(t)
	commit("Ann", "2024-03-01T10:00:00Z", map[string]string{
		"content/a.md":   "old a",
		"content/b c.md": "old b",
		"handbook.yaml":  "title: old",
		"templates/x":    "not asked for",
	})
	commit("Ann", "2024-03-02T10:00:00Z", map[string]string{"content/a.md": "new a", "content/b c.md": ""})
	site := filepath.Join(root, "site")
	if err := os.WriteFile(filepath.Join(site, "content", "a.md"), []byte("edited"), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := Open(context.Background(), site)
	if err != nil {
		t.Fatal(err)
	}
	fsys, err := r.Site(context.Background(), "HEAD~1", "content", "handbook.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"content/a.md": "old a", "content/b c.md": "old b", "handbook.yaml": "title: old"}
	if len(fsys) != len(want) {
		t.Errorf("files = %v; want %v", fsys, want)
	}
	for name, data := range want {
		if f := fsys[name]; f == nil || string(f.Data) != data {
			t.Errorf("%s = %v; want %q", name, f, data)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(site, "content", "a.md")); string(b) != "edited" {
		t.Errorf("working tree changed: %q", b)
	}
	if _, err := r.Site(context.Background(), "no-such-branch"); err == nil || !strings.Contains(err.Error(), `no revision "no-such-branch"`) {
		t.Errorf("unknown revision: %v", err)
	}
}

// TestSiteKeepsSymbolicLinks: the loader warns about a symbolic link and
// skips it; the base must hold it too, or --base reports it as new.
func TestSiteKeepsSymbolicLinks(t *testing.T) {
	root, commit := repo(t)
	commit("Ann", "2024-03-01T10:00:00Z", map[string]string{"content/a.md": "a"})
	if err := os.Symlink("a.md", filepath.Join(root, "site", "content", "link.md")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	commit("Ann", "2024-03-02T10:00:00Z", nil)
	r, err := Open(context.Background(), filepath.Join(root, "site"))
	if err != nil {
		t.Fatal(err)
	}
	fsys, err := r.Site(context.Background(), "HEAD", "content")
	if err != nil {
		t.Fatal(err)
	}
	if f := fsys["content/link.md"]; f == nil || f.Mode.Type() != fs.ModeSymlink {
		t.Errorf("content/link.md = %+v; want a symbolic link", f)
	}
	if f := fsys["content/a.md"]; f == nil || string(f.Data) != "a" {
		t.Errorf("content/a.md = %+v; want %q", f, "a")
	}
}

func TestSiteIsEmptyBeforeTheSiteExisted(t *testing.T) {
	root, commit := repo(t)
	commit("Ann", "2024-03-01T10:00:00Z", map[string]string{"../README": "x"})
	commit("Ann", "2024-03-02T10:00:00Z", map[string]string{"content/a.md": "a"})
	r, err := Open(context.Background(), filepath.Join(root, "site"))
	if err != nil {
		t.Fatal(err)
	}
	fsys, err := r.Site(context.Background(), "HEAD~1", "content")
	if err != nil || len(fsys) != 0 {
		t.Errorf("Site(HEAD~1) = %v, %v; want empty", fsys, err)
	}
}
