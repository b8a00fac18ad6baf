package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/teamhandbook/handbook"
	"github.com/teamhandbook/handbook/generator"
	"github.com/teamhandbook/handbook/generator/config"
	"github.com/teamhandbook/handbook/generator/diag"
	"github.com/teamhandbook/handbook/generator/history"
	"github.com/teamhandbook/handbook/generator/source"
)

// check runs every validation of build, writes no site, and prints the
// diagnostics in the chosen format on stdout; a summary goes to stderr.
func check(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	sourceDir := fs.String("source", ".", "the site `folder`, holding content/")
	format := fs.String("format", "text", "output `format`: text, json or github")
	base := fs.String("base", "", "report only what is new since this git `revision`")
	strict := fs.Bool("strict", false, "treat warnings as errors")
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	print, ok := formats[*format]
	if !ok {
		return fmt.Errorf("%w: --format must be text, json or github, not %q", errUsage, *format)
	}
	cfg := generator.Config{
		Site:      os.DirFS(*sourceDir),
		Templates: handbook.Templates(),
		Assets:    handbook.Assets(),
		Strict:    *strict,
	}
	rep, err := generator.Check(ctx, cfg)
	if err != nil && !errors.Is(err, generator.ErrContent) {
		return err
	}
	diags := rep.Diagnostics
	since := ""
	if *base != "" {
		old, err := baseDiagnostics(ctx, *sourceDir, *base, cfg)
		if err != nil {
			return err
		}
		diags = diags.Since(old)
		since = " new since " + *base
	}
	if *format == "github" {
		// GitHub reads file= from the repository's root, not the site's.
		diags = inRepository(diags, repoDir(ctx, *sourceDir))
	}
	if err := print(stdout, diags); err != nil {
		return err
	}
	errs, warns := diags.Count(diag.Error), diags.Count(diag.Warning)
	fmt.Fprintf(stderr, "checked %s: %s, %s%s\n", count(rep.Pages, "page"), count(errs, "error"), count(warns, "warning"), since)
	if errs > 0 {
		return contentErrors{errs, since}
	}
	return nil
}

// baseDiagnostics checks the site as it was at revision ref, read from git.
func baseDiagnostics(ctx context.Context, dir, ref string, cfg generator.Config) (diag.List, error) {
	repo, err := history.Open(ctx, dir)
	if err != nil {
		return nil, fmt.Errorf("--base %s: %w", ref, err)
	}
	site, err := repo.Site(ctx, ref, source.ContentDir, config.File)
	if err != nil {
		return nil, fmt.Errorf("--base: %w", err)
	}
	cfg.Site = site
	rep, err := generator.Check(ctx, cfg)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err != nil && !errors.Is(err, generator.ErrContent) {
		// A base that cannot be checked at all (no content/ yet) has no
		// diagnostics to forgive.
		return nil, nil
	}
	return rep.Diagnostics, nil
}

// contentErrors is check's failure: the content has errors.
type contentErrors struct {
	n     int
	since string
}

func (e contentErrors) Error() string {
	noun := "errors"
	if e.n == 1 {
		noun = "error"
	}
	return fmt.Sprintf("the handbook has %d %s%s", e.n, noun, e.since)
}

// count says "1 page", "2 pages", "0 pages".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
