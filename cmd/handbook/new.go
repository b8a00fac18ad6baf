package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing/fstest"

	"github.com/teamhandbook/handbook"
	"github.com/teamhandbook/handbook/generator"
	"github.com/teamhandbook/handbook/generator/config"
	"github.com/teamhandbook/handbook/generator/diag"
	"github.com/teamhandbook/handbook/generator/page"
	"github.com/teamhandbook/handbook/generator/source"
)

// folders are where each kind of page lives in content/.
var folders = map[string]string{"role": "roles", "process": "processes", "ladder": "ladders", "team": "teams", "page": ""}

// refs are the reference flags of new, shared by every kind that uses them.
type refs struct {
	reportsTo, owner, team, lead, parent string
}

// newPage writes a new page with commented front matter. The page is checked
// with the rest of the site before it is written, so a reference flag with a
// typo gets the build's own message and suggestion, and nothing is written.
func newPage(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	flags := flag.NewFlagSet("new", flag.ContinueOnError)
	sourceDir := flags.String("source", ".", "the site `folder`, holding content/")
	var r refs
	flags.StringVar(&r.reportsTo, "reports-to", "", "role: the `id` of the role it reports to; \"a,b\" for alternatives")
	flags.StringVar(&r.owner, "owner", "", "the `id` of the role that owns the page (or the process)")
	flags.StringVar(&r.team, "team", "", "role: the `id` of its team")
	flags.StringVar(&r.lead, "lead", "", "team: the `id` of the role that leads it")
	flags.StringVar(&r.parent, "parent", "", "team: the `id` of the team it belongs to")
	pos, err := parseInterspersed(flags, args, stderr)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return fmt.Errorf("%w: usage: handbook new role|process|ladder|team|page \"Title\" [flags]", errUsage)
	}
	kind, title := pos[0], strings.TrimSpace(pos[1])
	folder, ok := folders[kind]
	if !ok {
		return fmt.Errorf("%w: unknown kind %q; use role, process, ladder, team or page", errUsage, kind)
	}
	if err := r.allowed(kind); err != nil {
		return err
	}
	// A folder without content/ is not a site: writing there would quietly
	// start a new one, most likely in the wrong place.
	content := filepath.Join(*sourceDir, source.ContentDir)
	if info, err := os.Stat(content); err != nil || !info.IsDir() {
		return fmt.Errorf("%w: %s is not a handbook: it has no %s folder; run new in the site's folder or name it with --source", errUsage, *sourceDir, source.ContentDir)
	}
	slug := page.Slug(title)
	if slug == "" {
		return fmt.Errorf("%w: the title %q has no letters or digits to name the file after", errUsage, title)
	}
	rel := path.Join(source.ContentDir, folder, slug+".md")
	dst := filepath.Join(*sourceDir, filepath.FromSlash(rel))
	if _, err := os.Stat(dst); err == nil {
		return fmt.Errorf("%s already exists; choose another title, or edit it", dst)
	}
	data := scaffold(kind, title, r)
	if err := checkNew(ctx, *sourceDir, rel, data, stderr); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	// O_EXCL: never overwrite, even a file created since the check above.
	f, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s\n", dst)
	return nil
}

// allowed rejects reference flags that the kind has no key for.
func (r refs) allowed(kind string) error {
	for _, f := range []struct{ name, value, kind string }{
		{"--reports-to", r.reportsTo, "role"}, {"--team", r.team, "role"},
		{"--lead", r.lead, "team"}, {"--parent", r.parent, "team"},
	} {
		if f.value != "" && kind != f.kind {
			return fmt.Errorf("%w: %s is for new %s, not new %s", errUsage, f.name, f.kind, kind)
		}
	}
	return nil
}

// parseInterspersed parses flags that may come before or after the
// positional arguments, as in "new role --reports-to lead Title".
func parseInterspersed(flags *flag.FlagSet, args []string, stderr io.Writer) ([]string, error) {
	flags.SetOutput(stderr)
	var pos []string
	for {
		if err := flags.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, errUsage
			}
			return nil, fmt.Errorf("%w: %v", errUsage, err)
		}
		args = flags.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// checkNew checks the site with the new page added, in memory, and reports
// the problems of the new page only: the site's old problems are not the
// writer's concern here.
func checkNew(ctx context.Context, dir, rel string, data []byte, stderr io.Writer) error {
	site := fstest.MapFS{}
	root := os.DirFS(dir)
	err := fs.WalkDir(root, source.ContentDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		b, err := fs.ReadFile(root, p)
		if err != nil {
			return err
		}
		site[p] = &fstest.MapFile{Data: b}
		return nil
	})
	if err != nil {
		return err
	}
	if b, err := fs.ReadFile(root, config.File); err == nil {
		site[config.File] = &fstest.MapFile{Data: b}
	}
	site[rel] = &fstest.MapFile{Data: data}
	rep, err := generator.Check(ctx, generator.Config{Site: site, Templates: handbook.Templates(), Assets: handbook.Assets()})
	if err != nil && !errors.Is(err, generator.ErrContent) {
		return err
	}
	var mine diag.List
	for _, d := range rep.Diagnostics {
		if d.Pos.File == rel && d.Severity == diag.Error {
			mine = append(mine, d)
		}
	}
	if len(mine) > 0 {
		mine.Print(stderr)
		return fmt.Errorf("%s was not written", rel)
	}
	return nil
}
