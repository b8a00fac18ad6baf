package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"testing/fstest"

	"github.com/teamhandbook/handbook"
	"github.com/teamhandbook/handbook/generator"
	"github.com/teamhandbook/handbook/generator/config"
	"github.com/teamhandbook/handbook/generator/history"
	"github.com/teamhandbook/handbook/generator/orgdiff"
	"github.com/teamhandbook/handbook/generator/source"
)

// diff prints what the working tree does to the organisation compared with
// a git revision: for a pull-request comment (markdown) or a script (json).
// Content errors do not stop it: check reports those.
func diff(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	flags := flag.NewFlagSet("diff", flag.ContinueOnError)
	sourceDir := flags.String("source", ".", "the site `folder`, holding content/")
	base := flags.String("base", "", "the git `revision` to compare with (required)")
	format := flags.String("format", "markdown", "output `format`: markdown or json")
	if err := parseFlags(flags, args, stderr); err != nil {
		return err
	}
	if *base == "" {
		return fmt.Errorf("%w: diff needs --base, the git revision to compare with", errUsage)
	}
	if *format != "markdown" && *format != "json" {
		return fmt.Errorf("%w: --format must be markdown or json, not %q", errUsage, *format)
	}
	repo, err := history.Open(ctx, *sourceDir)
	if err != nil {
		return fmt.Errorf("--base %s: %w", *base, err)
	}
	old, err := repo.Site(ctx, *base, source.ContentDir, config.File)
	if err != nil {
		return fmt.Errorf("--base: %w", err)
	}
	cfg := generator.Config{Templates: handbook.Templates(), Assets: handbook.Assets()}
	cfg.Site = os.DirFS(*sourceDir)
	after, _, err := generator.Organisation(ctx, cfg)
	if err != nil {
		return err
	}
	cfg.Site = old
	before, _, err := generator.Organisation(ctx, cfg)
	if err != nil {
		// A site that did not exist at the base is an empty organisation.
		cfg.Site = emptySite()
		if before, _, err = generator.Organisation(ctx, cfg); err != nil {
			return err
		}
	}
	d := orgdiff.Compare(before, after)
	if *format == "json" {
		return d.JSON(stdout)
	}
	if err := d.Markdown(stdout); err != nil {
		return err
	}
	_, err = fmt.Fprintln(stdout)
	return err
}

// emptySite is a site with no pages.
func emptySite() fstest.MapFS {
	return fstest.MapFS{source.ContentDir: &fstest.MapFile{Mode: fs.ModeDir | 0o755}}
}
